package io.earshot.web;

import io.earshot.connector.StatusBoard;
import io.earshot.redis.RedisConnection;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/health}: MongoDB and Redis reachability and every connector's status.
 * Answers 200 when both stores are up (connectors may be degraded), 503 otherwise, so a load
 * balancer takes an instance that lost its stores out of rotation.
 */
final class HealthHandler {
  private final MongoStore mongo;
  private final RedisConnection redis;
  private final StatusBoard connectors;

  HealthHandler(MongoStore mongo, RedisConnection redis, StatusBoard connectors) {
    this.mongo = mongo;
    this.redis = redis;
    this.connectors = connectors;
  }

  void handle(RoutingContext ctx) {
    Future<Void> mongoUp = mongo.ping();
    Future<Void> redisUp = redis.ping();
    Future<List<JsonObject>> statuses = connectors.all();
    Future.join(mongoUp, redisUp, statuses).onComplete(done -> {
      boolean storesUp = mongoUp.succeeded() && redisUp.succeeded();
      JsonArray list = new JsonArray(statuses.succeeded() ? List.copyOf(statuses.result()) : List.of());
      boolean connectorsOk = list.stream().map(o -> ((JsonObject) o).getString("state"))
          .allMatch(s -> s.equals("connected") || s.equals("lagging") || s.equals("standby") || s.equals("disabled"));
      JsonObject body = new JsonObject()
          .put("status", !storesUp ? "down" : connectorsOk ? "up" : "degraded")
          .put("mongo", state(mongoUp)).put("redis", state(redisUp)).put("connectors", list);
      Bodies.json(ctx, storesUp ? 200 : 503, body);
    });
  }

  private static JsonObject state(Future<?> check) {
    JsonObject state = new JsonObject().put("status", check.succeeded() ? "up" : "down");
    return check.succeeded() ? state : state.put("error", String.valueOf(check.cause().getMessage()));
  }
}
