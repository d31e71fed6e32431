package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import io.earshot.domain.ReplyState;
import io.vertx.core.Future;

/**
 * How much work waits in the durable queues, for the metrics: the reply outbox (queued and
 * sending), the webhook due set, and the event queue (staged by a writer, committed for a retry).
 * Counts are scans on the embedded server (it keeps only {@code _id} and unique indexes), so they
 * are read when metrics are scraped, not on any hot path.
 */
public final class QueueDepths {
  private final MongoStore mongo;

  /** One reading of every queue. */
  public record Depths(long repliesQueued, long repliesSending, long webhooksDue, long eventsStaged,
                       long eventsCommitted) {
  }

  public QueueDepths(MongoStore mongo) {
    this.mongo = mongo;
  }

  public Future<Depths> read() {
    return mongo.run(() -> new Depths(
        count(MongoStore.REPLIES, "state", ReplyState.QUEUED.code()),
        count(MongoStore.REPLIES, "state", ReplyState.SENDING.code()),
        mongo.collection(MongoStore.WEBHOOK_DUE).countDocuments(),
        count(MongoStore.EVENT_QUEUE, "state", "staged"),
        count(MongoStore.EVENT_QUEUE, "state", "committed")));
  }

  private long count(String collection, String field, String value) {
    return mongo.collection(collection).countDocuments(eq(field, value));
  }
}
