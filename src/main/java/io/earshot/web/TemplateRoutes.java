package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.Brand;
import io.earshot.domain.SavedReply;
import io.earshot.domain.SavedReplyLifecycle;
import io.earshot.error.DomainError;
import io.earshot.publish.ReplyService;
import io.earshot.publish.SavedReplies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Saved replies: everyone signed in reads them ({@code GET /templates}, a JSON array as it always
 * was, each with {@code name} and {@code body} and now its id, brand and usage count); managers
 * and admins create, change and delete them; whoever replies previews one filled with a case's
 * real values ({@code POST /cases/{id}/template-preview}).
 */
final class TemplateRoutes {
  private final SavedReplies templates;
  private final ReplyService replies;

  TemplateRoutes(SavedReplies templates, ReplyService replies) {
    this.templates = templates;
    this.replies = replies;
  }

  void mount(Router api) {
    api.get("/templates").handler(this::list);
    api.post("/templates").handler(this::create);
    api.patch("/templates/:id").handler(this::update);
    api.delete("/templates/:id").handler(this::delete);
    api.post("/cases/:id/template-preview").handler(this::preview);
  }

  /** The one role check of the writing routes. */
  private static User writer(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.canApprove()) {
      throw new DomainError.Forbidden("only managers and admins manage saved replies");
    }
    return user;
  }

  private void list(RoutingContext ctx) {
    String brand = ctx.request().getParam("brand");
    if (brand != null && !brand.isBlank() && !Brand.isValidId(brand.strip())) {
      throw new DomainError.Invalid("brand", "must be a brand id such as tallycloud");
    }
    Bodies.answer(ctx, 200, templates.list(brand == null || brand.isBlank() ? null : brand.strip()), all -> {
      JsonArray items = new JsonArray();
      all.forEach(r -> items.add(json(r)));
      return items;
    });
  }

  private void create(RoutingContext ctx) {
    User actor = writer(ctx);
    JsonObject body = Bodies.object(ctx);
    var draft = new SavedReplyLifecycle.Draft(Bodies.requiredString(body, "name"), Bodies.requiredString(body, "body"),
        Bodies.optionalString(body, "brand"));
    Bodies.answer(ctx, 201, templates.create(draft, actor.username()), r -> json(r));
  }

  private void update(RoutingContext ctx) {
    User actor = writer(ctx);
    JsonObject body = Bodies.object(ctx);
    var patch = new SavedReplyLifecycle.Patch(Bodies.optionalString(body, "name"), Bodies.optionalString(body, "body"),
        body.containsKey("brand"), Bodies.optionalString(body, "brand"));
    Bodies.answer(ctx, 200, templates.update(ctx.pathParam("id"), patch, actor.username()), r -> json(r));
  }

  private void delete(RoutingContext ctx) {
    User actor = writer(ctx);
    Bodies.noContent(ctx, templates.delete(ctx.pathParam("id"), actor.username()));
  }

  /** {@code {"template"}} (a saved reply's id or name) or {@code {"body"}} (one being written). */
  private void preview(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String template = Bodies.optionalString(body, "template");
    String given = Bodies.optionalString(body, "body");
    String text = given == null || given.isBlank() ? null : given;
    if ((template == null || template.isBlank()) && text == null) {
      throw new DomainError.Invalid("template", "give a saved reply's id or name as template, or a body");
    }
    Bodies.answer(ctx, 200, replies.preview(ctx.pathParam("id"), template, text, Authenticator.user(ctx)),
        p -> new JsonObject().put("text", p.text()).put("length", p.check().length()).put("limit", p.check().limit())
            .put("ok", p.check().ok()).put("message", p.check().message()));
  }

  private static JsonObject json(SavedReply r) {
    return new JsonObject().put("id", r.id()).put("name", r.name()).put("body", r.body()).put("brand", r.brand())
        .put("shared", r.brand() == null).put("uses", r.uses()).put("createdBy", r.createdBy())
        .put("createdAt", ApiJson.time(r.createdAt())).put("updatedAt", ApiJson.time(r.updatedAt()))
        .put("version", r.version());
  }
}
