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
    Bodies.answer(ctx, 201, broadcasts.submit(BroadcastJson.draft(Bodies.object(ctx)), Authenticator.user(ctx)),
        BroadcastJson::broadcast);
  }

  private void preview(RoutingContext ctx) {
    Bodies.answer(ctx, 200, broadcasts.preview(BroadcastJson.draft(Bodies.object(ctx)), Authenticator.user(ctx)),
        BroadcastJson::preview);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, broadcasts.list(), all -> Bodies.list(all, BroadcastJson::broadcast));
  }

  private void get(RoutingContext ctx) {
    Bodies.answer(ctx, 200, broadcasts.view(ctx.pathParam("id")), BroadcastJson::view);
  }

  private void pause(RoutingContext ctx) {
    Bodies.answer(ctx, 200, broadcasts.pause(ctx.pathParam("id"), Authenticator.user(ctx)), BroadcastJson::broadcast);
  }

  private void resume(RoutingContext ctx) {
    Bodies.answer(ctx, 200, broadcasts.resume(ctx.pathParam("id"), Authenticator.user(ctx)), BroadcastJson::broadcast);
  }

  private void templates(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    templates.sources().forEach((name, source) -> items.add(new JsonObject().put("name", name).put("source", source)
        .put("personal", name.endsWith("-personal"))));
    Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
  }
}
