package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.Webhook;
import io.earshot.domain.WebhookDelivery;
import io.earshot.domain.WebhookDeliveryState;
import io.earshot.domain.WebhookLifecycle;
import io.earshot.error.DomainError;
import io.earshot.webhook.WebhookService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/webhooks}: admins register outgoing webhook endpoints, change, disable and delete
 * them, read each one's delivery log and replay a delivery. No answer ever carries a secret.
 */
final class WebhookRoutes {
  private final WebhookService webhooks;

  WebhookRoutes(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  void mount(Router api) {
    api.get("/webhooks").handler(this::list);
    api.post("/webhooks").handler(this::create);
    api.get("/webhooks/:id").handler(this::get);
    api.patch("/webhooks/:id").handler(this::update);
    api.delete("/webhooks/:id").handler(this::delete);
    api.get("/webhooks/:id/deliveries").handler(this::deliveries);
    api.post("/webhooks/:id/deliveries/:deliveryId/replay").handler(this::replay);
  }

  /** The one role check of these routes: webhooks are an admin's business. */
  private static User admin(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only admins manage webhooks");
    }
    return user;
  }

  private void list(RoutingContext ctx) {
    admin(ctx);
    Bodies.answer(ctx, 200, webhooks.list(), all -> Bodies.list(all, w -> webhook(w)));
  }

  private void create(RoutingContext ctx) {
    User actor = admin(ctx);
    JsonObject body = Bodies.object(ctx);
    var draft = new WebhookLifecycle.Draft(Bodies.requiredString(body, "url"), Bodies.requiredString(body, "secret"),
        events(body, true));
    Bodies.answer(ctx, 201, webhooks.create(draft, actor.username()), w -> webhook(w));
  }

  private void get(RoutingContext ctx) {
    admin(ctx);
    Bodies.answer(ctx, 200, webhooks.get(ctx.pathParam("id")), w -> webhook(w));
  }

  private void update(RoutingContext ctx) {
    User actor = admin(ctx);
    JsonObject body = Bodies.object(ctx);
    var patch = new WebhookLifecycle.Patch(Bodies.optionalString(body, "url"), Bodies.optionalString(body, "secret"),
        events(body, false), enabled(body));
    Bodies.answer(ctx, 200, webhooks.update(ctx.pathParam("id"), patch, actor.username()), w -> webhook(w));
  }

  private void delete(RoutingContext ctx) {
    User actor = admin(ctx);
    Bodies.noContent(ctx, webhooks.delete(ctx.pathParam("id"), actor.username()));
  }

  private void deliveries(RoutingContext ctx) {
    admin(ctx);
    WebhookDeliveryState state = state(ctx.request().getParam("state"));
    Bodies.answer(ctx, 200, webhooks.deliveries(ctx.pathParam("id"), state, Bodies.intParam(ctx, "limit", 50, 1, 500)),
        page -> Bodies.list(page.items(), d -> delivery(d)).put("total", page.total()));
  }

  private void replay(RoutingContext ctx) {
    User actor = admin(ctx);
    Bodies.answer(ctx, 202, webhooks.replay(ctx.pathParam("id"), ctx.pathParam("deliveryId"), actor.username()),
        d -> delivery(d));
  }

  /** {@code events}: an array of event type names; null when absent and not required. */
  private static List<String> events(JsonObject body, boolean required) {
    Object value = body.getValue("events");
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw new DomainError.Invalid("events", value == null ? "is required"
          : "must be an array of event type names, or [\"*\"]");
    }
    List<String> codes = new ArrayList<>();
    for (Object code : array) {
      if (!(code instanceof String s)) {
        throw new DomainError.Invalid("events", "must hold only event type names (strings)");
      }
      codes.add(s);
    }
    return codes;
  }

  private static Boolean enabled(JsonObject body) {
    Object value = body.getValue("enabled");
    if (value != null && !(value instanceof Boolean)) {
      throw new DomainError.Invalid("enabled", "must be true or false");
    }
    return (Boolean) value;
  }

  private static WebhookDeliveryState state(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return WebhookDeliveryState.fromCode(code.trim());
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("state", "must be one of pending, sending, delivered, failed");
    }
  }

  private static JsonObject webhook(Webhook w) {
    return new JsonObject().put("id", w.id()).put("url", w.url()).put("events", new JsonArray(w.events()))
        .put("enabled", w.enabled()).put("createdBy", w.createdBy()).put("createdAt", time(w.createdAt()))
        .put("updatedAt", time(w.updatedAt())).put("secretUpdatedAt", time(w.secretUpdatedAt()));
  }

  private static JsonObject delivery(WebhookDelivery d) {
    return new JsonObject().put("id", d.id()).put("webhookId", d.webhookId()).put("eventId", d.eventId())
        .put("type", d.type()).put("state", d.state().code()).put("attempts", d.attempts())
        .put("lastStatus", d.lastStatus()).put("lastError", d.lastError()).put("createdAt", time(d.createdAt()))
        .put("lastAttemptAt", time(d.lastAttemptAt())).put("nextAttemptAt", time(d.nextAttemptAt()))
        .put("deliveredAt", time(d.deliveredAt())).put("replays", d.replays());
  }

  private static String time(Instant at) {
    return ApiJson.time(at);
  }
}
