package io.earshot.web;

import io.earshot.broadcast.BroadcastPreview;
import io.earshot.broadcast.BroadcastService;
import io.earshot.broadcast.BroadcastView;
import io.earshot.connector.ReplyCheck;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Broadcasts in the API's JSON, and a broadcast request read from it (each error naming its field). */
final class BroadcastJson {
  private static final int MAX_TEXT = 10_000;

  private BroadcastJson() {
  }

  static BroadcastService.Draft draft(JsonObject body) {
    List<String> accounts = Bodies.optionalStrings(body, "accounts", 20, 128);
    if (accounts == null) {
      throw new DomainError.Invalid("accounts", "is required: the connector accounts to post on");
    }
    Boolean notify = Bodies.optionalBoolean(body, "notifyAffected");
    return new BroadcastService.Draft(bounded(body, "problemId", 128), bounded(body, "text", MAX_TEXT),
        bounded(body, "template", 128), accounts, Boolean.TRUE.equals(notify), bounded(body, "noticeText", MAX_TEXT),
        bounded(body, "noticeTemplate", 128));
  }

  private static String bounded(JsonObject body, String field, int max) {
    String value = Bodies.optionalString(body, field);
    if (value != null && value.length() > max) {
      throw new DomainError.Invalid(field, "must be at most " + max + " characters");
    }
    return value;
  }

  static JsonObject broadcast(Broadcast b) {
    return new JsonObject().put("kind", "broadcast").put("id", b.id()).put("version", b.version())
        .put("brand", b.brand()).put("problemId", b.problemId()).put("text", b.text()).put("template", b.template())
        .put("accounts", new JsonArray(b.accounts())).put("notifyAffected", b.notifyAffected())
        .put("noticeText", b.noticeText()).put("noticeTemplate", b.noticeTemplate()).put("state", b.state().code())
        .put("author", b.author()).put("createdAt", ApiJson.time(b.createdAt()))
        .put("updatedAt", ApiJson.time(b.updatedAt())).put("lastError", b.lastError())
        .put("heldBy", b.approval() == null ? null : b.approval().ruleId())
        .put("approval", ApiJson.approval(b.approval()));
  }

  static JsonObject view(BroadcastView v) {
    JsonArray posts = new JsonArray();
    v.posts().forEach(p -> posts.add(new JsonObject().put("account", p.account()).put("state", p.state())
        .put("externalId", p.reply() == null ? null : p.reply().externalId())
        .put("replyId", p.reply() == null ? null : p.reply().id())
        .put("lastError", p.reply() == null ? null : p.reply().lastError())
        .put("engagement", p.reply() == null ? null : ApiJson.engagement(p.reply().engagement()))));
    JsonObject byAccount = new JsonObject();
    v.noticesByAccount().forEach((account, counts) -> byAccount.put(account, counts(counts)));
    return broadcast(v.broadcast()).put("posts", posts).put("notices", counts(v.notices()))
        .put("noticesByAccount", byAccount).put("noticeEngagement", ApiJson.engagement(v.noticeEngagement()));
  }

  static JsonObject counts(NoticeCounts c) {
    return new JsonObject().put("total", c.total()).put("sent", c.sent()).put("queued", c.queued())
        .put("failed", c.failed());
  }

  static JsonObject preview(BroadcastPreview p) {
    return new JsonObject().put("text", p.text()).put("checks", checks(p.checks())).put("notice", p.notice())
        .put("noticeAccount", p.noticeAccount()).put("noticeCheck", check(p.noticeCheck()))
        .put("audience", p.audience());
  }

  static JsonObject check(ReplyCheck c) {
    return c == null ? null : new JsonObject().put("length", c.length()).put("limit", c.limit()).put("ok", c.ok())
        .put("message", c.message());
  }

  static JsonObject checks(Map<String, ReplyCheck> byAccount) {
    JsonObject all = new JsonObject();
    byAccount.forEach((account, c) -> all.put(account, check(c)));
    return all;
  }
}
