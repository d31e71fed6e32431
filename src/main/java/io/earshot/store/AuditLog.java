package io.earshot.store;

import com.mongodb.client.MongoCollection;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/** Who did what to which record, and when: every state change an actor makes is recorded. */
public final class AuditLog {
  private final MongoStore mongo;
  private final MongoCollection<Document> audit;

  public AuditLog(MongoStore mongo) {
    this.mongo = mongo;
    this.audit = mongo.collection(MongoStore.AUDIT);
  }

  public Future<Void> record(String actor, String action, String target, String detail, Instant at) {
    return mongo.write(() -> audit.insertOne(new Document("at", Dates.of(at)).append("actor", actor)
        .append("action", action).append("target", target).append("detail", detail))).mapEmpty();
  }

  public Future<Long> count(String action, String target) {
    return mongo.run(() -> audit.countDocuments(new Document("action", action).append("target", target)));
  }
}
