package io.earshot.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * The {@code audit} collection: who did what to which record, and when. Entries are written by
 * the audit listener from events; an entry's {@code _id} is its event's id, so writing an event
 * that was delivered twice leaves one entry.
 */
public final class AuditLog {
  private static final int DUPLICATE_KEY = 11000;

  /** One audited action: {@code action} is the event type, {@code target} its subject. */
  public record Entry(String id, Instant at, String actor, String action, String target, String detail) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> audit;

  public AuditLog(MongoStore mongo) {
    this.mongo = mongo;
    this.audit = mongo.collection(MongoStore.AUDIT);
  }

  /** Records the entries; those already recorded (same id) are left as they are. */
  public Future<Void> recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Document> docs = entries.stream().map(e -> new Document("_id", e.id()).append("at", Dates.of(e.at()))
        .append("actor", e.actor()).append("action", e.action()).append("target", e.target())
        .append("detail", e.detail())).toList();
    return mongo.write(() -> {
      try {
        audit.insertMany(docs, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
          throw e;
        }
      }
      return null;
    });
  }

  public Future<Long> count(String action, String target) {
    return mongo.run(() -> audit.countDocuments(new Document("action", action).append("target", target)));
  }
}
