package io.earshot.web;

import io.earshot.domain.CaseStatus;
import io.earshot.domain.Visibility;
import io.earshot.error.DomainError;
import io.earshot.inbox.CaseChange;
import io.earshot.inbox.CaseChanges;
import io.earshot.inbox.CaseDetail;
import io.earshot.inbox.InboxService;
import io.earshot.publish.ReplyService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;

/** The inbox API: a case's thread, agent changes, replies and mentions (lists: {@link CaseListRoutes}). */
final class CaseRoutes {
  private final InboxService inbox;
  private final CaseChanges changes;
  private final ReplyService replies;

  CaseRoutes(InboxService inbox, CaseChanges changes, ReplyService replies) {
    this.inbox = inbox;
    this.changes = changes;
    this.replies = replies;
  }

  void mount(Router api) {
    api.get("/cases/:id").handler(this::open);
    api.patch("/cases/:id").handler(this::change);
    api.post("/cases/:id/replies").handler(this::reply);
    api.post("/cases/:id/reply-check").handler(this::checkReply);
    api.get("/mentions").handler(this::mentions);
  }

  private static CaseStatus status(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return CaseStatus.fromCode(code.trim());
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("status", "must be one of new, open, pending, resolved");
    }
  }

  private void open(RoutingContext ctx) {
    Bodies.answer(ctx, 200, inbox.open(ctx.pathParam("id")), d -> detail(d)
        .put("privateReplies", replies.sendsPrivate(d.careCase())));
  }

  private static JsonObject detail(CaseDetail d) {
    List<JsonObject> thread = new java.util.ArrayList<>();
    d.mentions().forEach(m -> thread.add(ApiJson.mention(m)));
    d.replies().forEach(r -> thread.add(ApiJson.reply(r)));
    thread.sort(Comparator.comparing(j -> j.getString("createdAt")));
    JsonArray history = new JsonArray();
    d.history().forEach(h -> history.add(new JsonObject().put("id", h.id()).put("status", h.status().code())
        .put("subject", h.subject()).put("createdAt", ApiJson.time(h.createdAt()))
        .put("lastMentionAt", ApiJson.time(h.lastMentionAt()))));
    return new JsonObject().put("case", ApiJson.careCase(d.careCase())).put("thread", new JsonArray(thread))
        .put("customer", d.customer() == null ? null : ApiJson.customer(d.customer())).put("history", history)
        .put("notes", CaseworkJson.notes(d.notes()));
  }

  private void change(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    CaseChange change = new CaseChange(status(Bodies.optionalString(body, "status")), clearable(body, "assignee"),
        clearable(body, "team"), Bodies.optionalStrings(body, "tags", 1000, 1000), null, CaseworkJson.snooze(body));
    Bodies.answer(ctx, 200, changes.change(ctx.pathParam("id"), change, Authenticator.user(ctx)), ApiJson::careCase);
  }

  /** The field's text; an explicit null (or "") clears it, which the change says with "". */
  private static String clearable(JsonObject body, String field) {
    if (body.containsKey(field) && body.getValue(field) == null) {
      return "";
    }
    return Bodies.optionalString(body, field);
  }

  private void reply(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    var draft = new ReplyService.Draft(Bodies.optionalString(body, "text"), Bodies.optionalString(body, "template"),
        Bodies.optionalString(body, "draft"), Bodies.optionalString(body, "inReplyTo"),
        Boolean.TRUE.equals(Bodies.optionalBoolean(body, "confirm")), visibility(body));
    Bodies.answer(ctx, 202, replies.submit(ctx.pathParam("id"), draft, Authenticator.user(ctx)), ApiJson::reply);
  }

  /** {@code visibility}: {@code public} or {@code private}; absent: null, the service's default. */
  private static Visibility visibility(JsonObject body) {
    String code = Bodies.optionalString(body, "visibility");
    return code == null ? null : Visibility.fromCode(code).orElseThrow(() ->
        new DomainError.Invalid("visibility", "'" + code + "' is not one of public, private"));
  }

  private void checkReply(RoutingContext ctx) {
    if (!Authenticator.user(ctx).canWorkCases()) {
      // Only those who may reply check a reply; the dashboard shows marketers no composer.
      throw new io.earshot.error.DomainError.Forbidden("a marketer does not reply to customers");
    }
    JsonObject body = Bodies.object(ctx);
    Bodies.answer(ctx, 200, replies.check(ctx.pathParam("id"), Bodies.optionalString(body, "text"),
            Bodies.optionalString(body, "inReplyTo")),
        c -> new JsonObject().put("length", c.length()).put("limit", c.limit())
            .put("ok", c.ok()).put("message", c.message()).put("notes", new JsonArray(c.notes())));
  }

  private void mentions(RoutingContext ctx) {
    String platform = ctx.request().getParam("platform");
    var recent = inbox.recentMentions(platform == null || platform.isBlank() ? null : platform.trim(),
        Bodies.intParam(ctx, "limit", 50, 1, 500));
    Bodies.answer(ctx, 200, recent, page -> Bodies.list(page.items(), ApiJson::mention).put("total", page.total()));
  }
}
