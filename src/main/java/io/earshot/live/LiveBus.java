package io.earshot.live;

import io.earshot.error.DomainError;
import io.earshot.redis.RedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans live events out to every hub instance through Redis pub/sub. Each instance publishes what
 * it changed to one channel and re-publishes whatever arrives on that channel to its local event
 * bus address {@link LiveFeed#LIVE_ADDRESS}, where dashboards' sockets listen. Events travel in
 * batches (one Redis message per ingest batch) to keep the hot path cheap.
 *
 * <p>Events are not replayed, so a gap is made good by a {@link LiveFeed#RESYNC} event that
 * tells dashboards to re-read what they show: to this instance's sockets when its subscription
 * comes back after a disconnect (Lettuce re-subscribes by itself), and to every instance's with
 * the first message published after one of ours was lost.
 *
 * <p>A message carrying {@code "to":[usernames]} is addressed: it travels the same channel, but
 * each instance hands it only to those users' sockets ({@link LiveFeed#userAddress}).
 */
public final class LiveBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveBus.class);
  private final Vertx vertx;
  private final RedisConnection redis;
  private final AtomicBoolean lostPublish = new AtomicBoolean();
  private StatefulRedisPubSubConnection<String, String> subscription;

  public LiveBus(Vertx vertx, RedisConnection redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  public Future<Void> start() {
    Context context = vertx.getOrCreateContext();
    return redis.connectPubSub().compose(connected -> {
      subscription = connected;
      return subscribe(context);
    });
  }

  private Future<Void> subscribe(Context context) {
    AtomicBoolean subscribedBefore = new AtomicBoolean();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        context.runOnContext(v -> deliverLocally(message));
      }

      /** Called for the first SUBSCRIBE and again each time Lettuce re-subscribes after a reconnect. */
      @Override
      public void subscribed(String channel, long count) {
        if (subscribedBefore.getAndSet(true)) {
          context.runOnContext(v -> resyncLocally());
        }
      }
    });
    return redis.await(subscription.async().subscribe(LiveFeed.REDIS_CHANNEL)).mapEmpty();
  }

  private void resyncLocally() {
    LOG.info("live feed subscription re-established; this instance's dashboards re-read what they show");
    vertx.eventBus().publish(LiveFeed.LIVE_ADDRESS, resync("subscription restored").encode());
  }

  private void deliverLocally(String message) {
    JsonArray events = new JsonObject(message).getJsonArray("events");
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      JsonArray to = event.getJsonArray("to");
      if (to == null) {
        vertx.eventBus().publish(LiveFeed.LIVE_ADDRESS, event.encode());
      } else {
        // Addressed: only the named users' sockets (on this instance, whichever it is) get it.
        String encoded = event.encode();
        to.forEach(user -> vertx.eventBus().publish(LiveFeed.userAddress(String.valueOf(user)), encoded));
      }
    }
  }

  /**
   * Publishes events ({@code {"type","data"}}) to every instance, this one included. While Redis
   * cannot be reached the events are dropped and the Future still succeeds (they are not sent
   * again; the next message that gets through starts with a resync instead); it fails only with
   * an error Redis itself answered.
   */
  public Future<Void> publish(List<JsonObject> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    boolean resync = lostPublish.getAndSet(false);
    List<JsonObject> sent = new ArrayList<>(events.size() + 1);
    if (resync) {
      sent.add(resync("events were lost while Redis was unreachable"));
    }
    sent.addAll(events);
    String message = new JsonObject().put("events", new JsonArray(sent)).encode();
    return redis.await(redis.commands().publish(LiveFeed.REDIS_CHANNEL, message)).<Void>mapEmpty()
        .recover(e -> {
          lostPublish.set(true);
          // The outage itself is logged once where it is detected, not once per lost batch.
          return e instanceof DomainError.Unavailable ? Future.succeededFuture() : Future.failedFuture(e);
        });
  }

  public static JsonObject event(String type, JsonObject data) {
    return new JsonObject().put("type", type).put("data", data);
  }

  private static JsonObject resync(String reason) {
    return event(LiveFeed.RESYNC, new JsonObject().put("reason", reason));
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
