package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.conversions.Bson;
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
    return save(account, cursor, at, null);
  }

  /**
   * Saves the cursor and, when the page had mentions, the newest one's {@code createdAt}
   * ({@code $max}: a page of older posts never moves it back), which is what the account's lag is
   * measured from.
   */
  public Future<Void> save(String account, String cursor, Instant at, Instant newestMention) {
    Bson update = Updates.combine(Updates.set("cursor", cursor), Updates.set("savedAt", Dates.of(at)));
    Bson withNewest = newestMention == null ? update : Updates.combine(update, Updates.max("newestAt", Dates.of(newestMention)));
    return mongo.write(() -> cursors.updateOne(eq("_id", account), withNewest, new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** How far an account has read: when its cursor was last saved and its newest stored mention's time. */
  public record Progress(Instant savedAt, Instant newestMentionAt) {
  }

  /** The progress of every account that ever saved a cursor, by account name. */
  public Future<Map<String, Progress>> progress() {
    return mongo.run(() -> {
      Map<String, Progress> byAccount = new HashMap<>();
      cursors.find().forEach(d -> byAccount.put(d.getString("_id"),
          new Progress(Dates.instant(d.get("savedAt")), Dates.instant(d.get("newestAt")))));
      return byAccount;
    });
  }
}
