package io.earshot.web;

import io.earshot.connector.StatusBoard;
import io.earshot.redis.RedisConnection;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/v1/health}: MongoDB and Redis reachability and every connector's status, in
 * well under two seconds whatever state the stores are in (each check is bounded). Answers 503
 * ({@code down}) only when MongoDB is unreachable, since then the instance can neither accept nor
 * serve anything. A Redis outage is {@code degraded} with 200: ingest and the API keep working,
 * only live updates and connector polling pause, and Redis is shared, so a 503 would make a load
 * balancer drop every instance at once.
 */
final class HealthHandler {
  /** Per check; they run side by side, so the answer comes within about this long. */
  private static final long CHECK_TIMEOUT_MS = 1_000;
  private final MongoStore mongo;
  private final RedisConnection redis;
  private final StatusBoard connectors;

  HealthHandler(MongoStore mongo, RedisConnection redis, StatusBoard connectors) {
    this.mongo = mongo;
    this.redis = redis;
    this.connectors = connectors;
  }

  void handle(RoutingContext ctx) {
    Future<Void> mongoUp = bounded(mongo.ping());
    Future<Void> redisUp = bounded(redis.ping());
    Future<List<JsonObject>> statuses = bounded(connectors.all());
    Future.join(mongoUp, redisUp, statuses).onComplete(done -> {
      JsonArray list = new JsonArray(statuses.succeeded() ? List.copyOf(statuses.result()) : List.of());
      boolean healthy = redisUp.succeeded() && connectorsOk(list);
      JsonObject body = new JsonObject()
          .put("status", mongoUp.failed() ? "down" : healthy ? "up" : "degraded")
          .put("mongo", state(mongoUp)).put("redis", state(redisUp)).put("connectors", list);
      Bodies.json(ctx, mongoUp.succeeded() ? 200 : 503, body);
    });
  }

  private static <T> Future<T> bounded(Future<T> check) {
    return check.timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private static boolean connectorsOk(JsonArray list) {
    return list.stream().map(o -> ((JsonObject) o).getString("state"))
        .allMatch(s -> s.equals("connected") || s.equals("lagging") || s.equals("standby") || s.equals("disabled"));
  }

  private static JsonObject state(Future<?> check) {
    JsonObject state = new JsonObject().put("status", check.succeeded() ? "up" : "down");
    if (check.succeeded()) {
      return state;
    }
    Throwable cause = check.cause();
    return state.put("error", cause instanceof TimeoutException ? "no answer within " + CHECK_TIMEOUT_MS + " ms"
        : String.valueOf(cause.getMessage()));
  }
}
