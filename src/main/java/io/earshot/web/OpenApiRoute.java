package io.earshot.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/openapi.json}: public, like health, so clients and tools can read the API
 * before they have an account. Built once, on first request (the router's routes are only all
 * known after it is made), on a worker because it reads resources.
 */
final class OpenApiRoute {
  private final Vertx vertx;
  private final Supplier<List<String>> routes;
  private volatile Future<String> document;

  OpenApiRoute(Vertx vertx, Supplier<List<String>> routes) {
    this.vertx = vertx;
    this.routes = routes;
  }

  void handle(RoutingContext ctx) {
    built().onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json))
        .onFailure(ctx::fail);
  }

  private Future<String> built() {
    Future<String> current = document;
    if (current == null || current.failed()) {
      current = vertx.executeBlocking(() -> {
        JsonObject doc = OpenApiDocument.fromClasspath().build(routes.get());
        return doc.encode();
      }, false);
      document = current;
    }
    return current;
  }
}
