package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Moderation;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code moderations} collection: one document per moderated mention, keyed by the mention
 * id, so every read is by key (the embedded server's one index). Mentions nobody moderated have
 * no document. Writes apply only on the version they were decided on; a lost race fails with
 * {@link StaleWrite}.
 */
public final class ModerationStore {
  public static final String MODERATIONS = "moderations";
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> moderations;

  public ModerationStore(MongoStore mongo) {
    this.mongo = mongo;
    this.moderations = mongo.collection(MODERATIONS);
  }

  /** The mention's moderation, or null when nobody moderated it. */
  public Future<Moderation> get(String mentionId) {
    return mongo.run(() -> {
      Document d = moderations.find(eq("_id", mentionId)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** The moderations of these mentions, by mention id; unmoderated ones are absent. */
  public Future<Map<String, Moderation>> byIds(Collection<String> mentionIds) {
    if (mentionIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Moderation> out = new HashMap<>();
      moderations.find(in("_id", mentionIds)).forEach(d -> out.put(d.getString("_id"), fromDoc(d)));
      return out;
    });
  }

  /** Stores what was decided on the moderation read at {@code expectedVersion} (0: none stored yet). */
  public Future<Moderation> save(Moderation decided, long expectedVersion, String changeId) {
    return mongo.write(() -> expectedVersion == 0 ? insert(decided, changeId) : update(decided, expectedVersion, changeId));
  }

  private Moderation insert(Moderation decided, String changeId) {
    try {
      moderations.insertOne(toDoc(decided).append("changeIds", List.of(changeId)));
      return decided;
    } catch (MongoWriteException e) {
      if (e.getCode() == DUPLICATE_KEY) {
        throw new StaleWrite("moderation of " + decided.mentionId());
      }
      throw e;
    }
  }

  private Moderation update(Moderation decided, long expectedVersion, String changeId) {
    Document fields = toDoc(decided);
    fields.remove("_id");
    Document d = moderations.findOneAndUpdate(Versioned.at(decided.mentionId(), expectedVersion),
        Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (d == null) {
      throw new StaleWrite("moderation of " + decided.mentionId());
    }
    return fromDoc(d);
  }

  private static Document toDoc(Moderation m) {
    return new Document("_id", m.mentionId()).append("caseId", m.caseId()).append("platform", m.platform().code())
        .append("state", m.state().code()).append("version", m.version()).append("changedBy", m.changedBy())
        .append("changedAt", Dates.of(m.changedAt()));
  }

  private static Moderation fromDoc(Document d) {
    return new Moderation(d.getString("_id"), d.getString("caseId"), Platform.fromCode(d.getString("platform"))
        .orElseThrow(), Moderation.State.fromCode(d.getString("state")), CaseDocs.version(d), d.getString("changedBy"),
        Dates.instant(d.get("changedAt")));
  }
}
