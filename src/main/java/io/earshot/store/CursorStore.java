package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * Durable connector cursors, one document per account. The runner saves a cursor only after the
 * mentions read before it are stored, so a crash re-reads (and dedupes) rather than skips.
 */
public final class CursorStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> cursors;

  public CursorStore(MongoStore mongo) {
    this.mongo = mongo;
    this.cursors = mongo.collection(MongoStore.CURSORS);
  }

  /** The saved cursor of an account, or null when it has never polled. */
  public Future<String> load(String account) {
    return mongo.run(() -> {
      Document d = cursors.find(eq("_id", account)).first();
      return d == null ? null : d.getString("cursor");
    });
  }

  public Future<Void> save(String account, String cursor, Instant at) {
    return mongo.write(() -> cursors.updateOne(eq("_id", account),
        Updates.combine(Updates.set("cursor", cursor), Updates.set("savedAt", Dates.of(at))),
        new UpdateOptions().upsert(true))).mapEmpty();
  }
}
