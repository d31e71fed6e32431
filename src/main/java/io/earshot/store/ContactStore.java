package io.earshot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code rollup_contacts} collection: per brand and customer ({@code _id brand|customer}),
 * the newest case they opened and when, and when the one before it was opened. The analytics
 * listener reads it to tell a repeat contact; keeping the previous date makes the answer the same
 * when a case's opening is told again. Keyed reads and writes only.
 */
public final class ContactStore {
  public static final String CONTACTS = "rollup_contacts";
  private final MongoStore mongo;
  private final MongoCollection<Document> contacts;

  /** A customer's newest case with a brand, when it opened, and when the case before it opened (null: none). */
  public record LastContact(String key, String caseId, Instant openedAt, Instant previousAt) {
  }

  public ContactStore(MongoStore mongo) {
    this.mongo = mongo;
    this.contacts = mongo.collection(CONTACTS);
  }

  public Future<Map<String, LastContact>> get(Collection<String> keys) {
    return mongo.run(() -> {
      Map<String, LastContact> found = new HashMap<>();
      contacts.find(Filters.in("_id", keys)).forEach(d -> found.put(d.getString("_id"), contact(d)));
      return found;
    });
  }

  public Future<Void> put(Collection<LastContact> changed) {
    if (changed.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> models = changed.stream().<WriteModel<Document>>map(c ->
        new ReplaceOneModel<>(Filters.eq("_id", c.key()), document(c), new ReplaceOptions().upsert(true))).toList();
    return mongo.write(() -> contacts.bulkWrite(models)).mapEmpty();
  }

  /**
   * Writes the changed entries without waiting for a commit of their own: the caller's next
   * durable write commits them (see {@link MongoStore#stage}). Entries not in {@code existing}
   * (as the caller read them) are inserted, not upserted: most openings are a customer's first
   * with the brand, and an insert costs the embedded server about two thirds of an upsert. One
   * that exists after all (another instance wrote it meanwhile) fails the write as a duplicate
   * key, so the caller's delivery is told again and reads it.
   */
  public Future<Void> stage(Collection<LastContact> changed, Set<String> existing) {
    if (changed.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> models = changed.stream().<WriteModel<Document>>map(c -> existing.contains(c.key())
        ? new ReplaceOneModel<>(Filters.eq("_id", c.key()), document(c), new ReplaceOptions().upsert(true))
        : new InsertOneModel<>(document(c))).toList();
    return mongo.stage(() -> contacts.bulkWrite(models, new BulkWriteOptions().ordered(false))).mapEmpty();
  }

  /** Replaces every entry (the rebuild). */
  public Future<Void> replaceAll(Collection<LastContact> all) {
    List<Document> docs = all.stream().map(ContactStore::document).toList();
    return mongo.write(() -> {
      contacts.drop();
      for (int i = 0; i < docs.size(); i += 1000) {
        contacts.insertMany(docs.subList(i, Math.min(docs.size(), i + 1000)));
      }
      return null;
    });
  }

  private static Document document(LastContact c) {
    return new Document("_id", c.key()).append("caseId", c.caseId()).append("openedAt", Dates.of(c.openedAt()))
        .append("previousAt", Dates.of(c.previousAt()));
  }

  private static LastContact contact(Document d) {
    return new LastContact(d.getString("_id"), d.getString("caseId"), Dates.instant(d.get("openedAt")),
        Dates.instant(d.get("previousAt")));
  }
}
