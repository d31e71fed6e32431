package io.earshot.live;

import io.earshot.events.Events;
import io.earshot.redis.RedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Fans live events out to every hub instance through Redis pub/sub. Each instance publishes what
 * it changed to one channel and re-publishes whatever arrives on that channel to its local event
 * bus address {@link Events#LIVE_ADDRESS}, where dashboards' sockets listen. Events travel in
 * batches (one Redis message per ingest batch) to keep the hot path cheap.
 */
public final class LiveBus implements AutoCloseable {
  private final Vertx vertx;
  private final RedisConnection redis;
  private StatefulRedisPubSubConnection<String, String> subscription;

  public LiveBus(Vertx vertx, RedisConnection redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  public Future<Void> start() {
    Context context = vertx.getOrCreateContext();
    subscription = redis.connectPubSub();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        context.runOnContext(v -> deliverLocally(message));
      }
    });
    return redis.await(subscription.async().subscribe(Events.REDIS_CHANNEL));
  }

  private void deliverLocally(String message) {
    JsonArray events = new JsonObject(message).getJsonArray("events");
    for (int i = 0; i < events.size(); i++) {
      vertx.eventBus().publish(Events.LIVE_ADDRESS, events.getJsonObject(i).encode());
    }
  }

  /** Publishes events ({@code {"type","data"}}) to every instance, this one included. */
  public Future<Void> publish(List<JsonObject> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    String message = new JsonObject().put("events", new JsonArray(List.copyOf(events))).encode();
    return redis.await(redis.commands().publish(Events.REDIS_CHANNEL, message)).mapEmpty();
  }

  public static JsonObject event(String type, JsonObject data) {
    return new JsonObject().put("type", type).put("data", data);
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
  }
}
