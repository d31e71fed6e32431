package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * When each publish intent was first attempted, per account ({@code _id} = account + key). A
 * platform without an idempotency key (X) can then post at once on a first attempt, and on a
 * retry look only at what the brand posted since that first attempt, instead of paying to read
 * its whole recent timeline every time. Marks are small and never expire (the embedded server
 * has no TTL); one per reply.
 */
public final class PublishAttemptStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> attempts;

  public PublishAttemptStore(MongoStore mongo) {
    this.mongo = mongo;
    this.attempts = mongo.collection(MongoStore.PUBLISH_ATTEMPTS);
  }

  /** Marks an attempt; answers when the first attempt was marked, or null when this is the first. */
  public Future<Instant> mark(String account, String key, Instant now) {
    return mongo.write(() -> {
      Document before = attempts.findOneAndUpdate(eq("_id", account + "|" + key),
          Updates.setOnInsert("firstAt", Dates.of(now)),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
      return before == null ? null : Dates.instant(before.get("firstAt"));
    });
  }
}
