package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.earshot.domain.ConnectorSwitch;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code connector_switches} collection: one document per account an admin switched, keyed
 * by the account name. Every instance reads it all every second or so, which stays cheap because
 * it holds one small document per account. Writes apply only on the version they were decided
 * on; a lost race fails with {@link StaleWrite}.
 */
public final class ConnectorSwitchStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> switches;

  public ConnectorSwitchStore(MongoStore mongo) {
    this.mongo = mongo;
    this.switches = mongo.collection(MongoStore.CONNECTOR_SWITCHES);
  }

  /** Every stored switch by account name; accounts never switched are absent. */
  public Future<Map<String, ConnectorSwitch>> all() {
    return mongo.run(() -> {
      Map<String, ConnectorSwitch> byAccount = new HashMap<>();
      switches.find().forEach(d -> byAccount.put(d.getString("_id"), fromDoc(d)));
      return byAccount;
    });
  }

  /** The account's switch, {@link ConnectorSwitch#untouched} when nobody switched it yet. */
  public Future<ConnectorSwitch> get(String account) {
    return mongo.run(() -> {
      Document d = switches.find(eq("_id", account)).first();
      return d == null ? ConnectorSwitch.untouched(account) : fromDoc(d);
    });
  }

  /** Stores what was decided on the switch read at {@code expectedVersion} (0: none stored yet). */
  public Future<ConnectorSwitch> save(ConnectorSwitch decided, long expectedVersion, String changeId) {
    return mongo.write(() -> expectedVersion == 0 ? insert(decided, changeId) : update(decided, expectedVersion, changeId));
  }

  private ConnectorSwitch insert(ConnectorSwitch decided, String changeId) {
    try {
      switches.insertOne(toDoc(decided).append("changeIds", List.of(changeId)));
      return decided;
    } catch (MongoWriteException e) {
      if (e.getCode() == DUPLICATE_KEY) {
        throw new StaleWrite("connector switch " + decided.account());
      }
      throw e;
    }
  }

  private ConnectorSwitch update(ConnectorSwitch decided, long expectedVersion, String changeId) {
    Document fields = toDoc(decided);
    fields.remove("_id");
    Document d = switches.findOneAndUpdate(Versioned.at(decided.account(), expectedVersion),
        Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (d == null) {
      throw new StaleWrite("connector switch " + decided.account());
    }
    return fromDoc(d);
  }

  private static Document toDoc(ConnectorSwitch s) {
    return new Document("_id", s.account()).append("enabled", s.enabled()).append("version", s.version())
        .append("changedBy", s.changedBy()).append("changedAt", Dates.of(s.changedAt()));
  }

  private static ConnectorSwitch fromDoc(Document d) {
    return new ConnectorSwitch(d.getString("_id"), d.getBoolean("enabled", true), CaseDocs.version(d),
        d.getString("changedBy"), Dates.instant(d.get("changedAt")));
  }
}
