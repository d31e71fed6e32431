package io.earshot.web;

import io.earshot.broadcast.BroadcastService;
import io.earshot.broadcast.BroadcastTemplates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Broadcasts: write one ({@code POST /broadcasts}, always held for approval; decided through
 * {@code POST /approvals/{id}}), preview it, list and read them with their posts and notices,
 * pause and resume; and the built-in templates for the composer.
 */
final class BroadcastRoutes {
  private final BroadcastService broadcasts;
  private final BroadcastTemplates templates;

  BroadcastRoutes(BroadcastService broadcasts, BroadcastTemplates templates) {
    this.broadcasts = broadcasts;
    this.templates = templates;
  }

  void mount(Router api) {
    api.post("/broadcasts/preview").handler(this::preview);
    api.post("/broadcasts").handler(this::submit);
    api.get("/broadcasts").handler(this::list);
    api.get("/broadcast-templates").handler(this::templates);
    api.get("/broadcasts/:id").handler(this::get);
    api.post("/broadcasts/:id/pause").handler(this::pause);
    api.post("/broadcasts/:id/resume").handler(this::resume);
  }

  private void submit(RoutingContext ctx) {
    broadcasts.submit(BroadcastJson.draft(Bodies.object(ctx)), Authenticator.user(ctx))
        .onSuccess(b -> Bodies.json(ctx, 201, BroadcastJson.broadcast(b))).onFailure(ctx::fail);
  }

  private void preview(RoutingContext ctx) {
    broadcasts.preview(BroadcastJson.draft(Bodies.object(ctx)), Authenticator.user(ctx))
        .onSuccess(p -> Bodies.json(ctx, 200, BroadcastJson.preview(p))).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    broadcasts.list().onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(b -> items.add(BroadcastJson.broadcast(b)));
      Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
    }).onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    broadcasts.view(ctx.pathParam("id")).onSuccess(v -> Bodies.json(ctx, 200, BroadcastJson.view(v)))
        .onFailure(ctx::fail);
  }

  private void pause(RoutingContext ctx) {
    broadcasts.pause(ctx.pathParam("id"), Authenticator.user(ctx))
        .onSuccess(b -> Bodies.json(ctx, 200, BroadcastJson.broadcast(b))).onFailure(ctx::fail);
  }

  private void resume(RoutingContext ctx) {
    broadcasts.resume(ctx.pathParam("id"), Authenticator.user(ctx))
        .onSuccess(b -> Bodies.json(ctx, 200, BroadcastJson.broadcast(b))).onFailure(ctx::fail);
  }

  private void templates(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    templates.sources().forEach((name, source) -> items.add(new JsonObject().put("name", name).put("source", source)
        .put("personal", name.endsWith("-personal"))));
    Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
  }
}
