package io.earshot.events;

import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import io.earshot.domain.Reply;
import io.earshot.domain.Triage;
import io.earshot.domain.approval.Approval;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import java.util.Map;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Version 1 of the event payload ({@code data} of an {@link EventEnvelope}): what dashboards,
 * webhook receivers and durable listeners read. It is its own contract, documented in
 * {@code docs/EVENTS.md} and changed only additively within a version; the API's JSON
 * ({@code web/ApiJson}) may evolve apart from it. Records carry their {@code version} so a
 * reader can drop a snapshot older than one it already holds.
 */
public final class EventPayloads {
  private EventPayloads() {
  }

  public static JsonObject careCase(CareCase c) {
    return new JsonObject().put("id", c.id()).put("version", c.version()).put("platform", c.platform().code())
        .put("account", c.account()).put("brand", c.brand())
        .put("customer", new JsonObject().put("id", c.customerId()).put("handle", c.customerHandle()))
        .put("status", c.status().code()).put("assignee", c.assignee()).put("team", c.team()).put("tags", new JsonArray(c.tags()))
        .put("priority", priority(c.priority())).put("triage", triage(c.triage()))
        .put("subject", c.subject()).put("lastText", c.lastText()).put("mentionCount", c.mentionCount())
        .put("createdAt", time(c.createdAt())).put("updatedAt", time(c.updatedAt()))
        .put("lastMentionAt", time(c.lastMentionAt())).put("firstResponseAt", time(c.firstResponseAt()))
        .put("resolvedAt", time(c.resolvedAt())).put("snoozedUntil", time(c.snoozedUntil()))
        .put("sla", sla(c.sla())).put("problemId", c.problemId()).put("previousCaseAt", time(c.previousCaseAt()));
  }

  /** A case's SLA clocks: the summary ({@code state}, {@code dueAt}) and each target. */
  public static JsonObject sla(io.earshot.domain.SlaClock s) {
    if (s == null) {
      return null;
    }
    return new JsonObject().put("state", s.state().code()).put("dueAt", time(s.dueAt())).put("band", s.band())
        .put("policyVersion", s.policyVersion()).put("pausedAt", time(s.pausedAt()))
        .put("firstResponse", target(s.firstResponse())).put("nextResponse", target(s.nextResponse()))
        .put("resolution", target(s.resolution()));
  }

  private static JsonObject target(io.earshot.domain.SlaClock.Target t) {
    if (t == null) {
      return null;
    }
    return new JsonObject().put("minutes", t.minutes()).put("startedAt", time(t.startedAt()))
        .put("warnAt", time(t.warnAt())).put("dueAt", time(t.dueAt())).put("leftSeconds", t.leftSeconds())
        .put("usedSeconds", t.usedSeconds()).put("metAt", time(t.metAt())).put("warned", t.warned())
        .put("breached", t.breached());
  }

  public static JsonObject mention(Mention m) {
    return new JsonObject().put("id", m.id()).put("platform", m.platform().code()).put("account", m.account())
        .put("brand", m.brand()).put("externalId", m.externalId()).put("caseId", m.caseId())
        .put("author", new JsonObject().put("id", m.author().id()).put("handle", m.author().handle())
            .put("name", m.author().name()).put("followers", m.author().followers())
            .put("verified", m.author().verified()))
        .put("text", m.text()).put("createdAt", time(m.createdAt())).put("receivedAt", time(m.receivedAt()))
        .put("inReplyTo", m.inReplyTo()).put("url", m.url()).put("lang", m.lang()).put("triage", triage(m.triage()))
        .put("visibility", m.visibility().code());
  }

  public static JsonObject reply(Reply r) {
    return new JsonObject().put("id", r.id()).put("version", r.version()).put("caseId", r.caseId())
        .put("platform", r.platform().code()).put("account", r.account()).put("text", r.text())
        .put("state", r.state().code()).put("author", r.author()).put("externalId", r.externalId())
        .put("attempts", r.attempts()).put("lastError", r.lastError()).put("createdAt", time(r.createdAt()))
        .put("sentAt", time(r.sentAt())).put("engagement", new JsonObject()
            .put("likes", r.engagement().likes()).put("reposts", r.engagement().reposts())
            .put("replies", r.engagement().replies()).put("quotes", r.engagement().quotes())
            .put("impressions", r.engagement().impressions()).put("measuredAt", time(r.engagement().measuredAt())))
        .put("heldBy", r.approval() == null ? null : r.approval().ruleId()).put("approval", approval(r.approval()))
        .put("visibility", r.visibility().code());
  }

  /** Why a reply was held and what became of it; the agent's own text stays beside the approved one. */
  static JsonObject approval(Approval a) {
    if (a == null) {
      return null;
    }
    return new JsonObject().put("rule", a.ruleId()).put("approver", a.approver()).put("matched", a.matched())
        .put("heldAt", time(a.heldAt())).put("escalateAt", time(a.escalateAt())).put("escalated", a.escalated())
        .put("submittedText", a.submittedText()).put("decidedBy", a.decidedBy()).put("decidedAt", time(a.decidedAt()))
        .put("approved", a.approvedSha256() != null).put("note", a.note());
  }

  /** A broadcast: what it says, where it goes, its state and approval (never the filled notices). */
  public static JsonObject broadcast(Broadcast b) {
    return new JsonObject().put("id", b.id()).put("version", b.version()).put("brand", b.brand())
        .put("problemId", b.problemId()).put("text", b.text()).put("template", b.template())
        .put("accounts", new JsonArray(b.accounts())).put("notifyAffected", b.notifyAffected())
        .put("noticeText", b.noticeText()).put("noticeTemplate", b.noticeTemplate()).put("state", b.state().code())
        .put("author", b.author()).put("noticesTotal", b.noticesTotal()).put("lastError", b.lastError())
        .put("createdAt", time(b.createdAt())).put("updatedAt", time(b.updatedAt()))
        .put("heldBy", b.approval() == null ? null : b.approval().ruleId()).put("approval", approval(b.approval()));
  }

  /** {@code broadcast.progress}: the broadcast, each post's state by account, notice counts by account and in all. */
  public static JsonObject broadcastProgress(Broadcast b, Map<String, NoticeCounts> notices, Map<String, String> posts) {
    JsonObject byAccount = new JsonObject();
    NoticeCounts all = NoticeCounts.NONE;
    for (Map.Entry<String, NoticeCounts> e : notices.entrySet()) {
      byAccount.put(e.getKey(), counts(e.getValue()));
      all = all.plus(e.getValue());
    }
    return new JsonObject().put("broadcast", broadcast(b)).put("posts", new JsonObject(new java.util.LinkedHashMap<>(posts)))
        .put("notices", counts(all)).put("noticesByAccount", byAccount);
  }

  public static JsonObject counts(NoticeCounts c) {
    return new JsonObject().put("total", c.total()).put("sent", c.sent()).put("queued", c.queued())
        .put("failed", c.failed());
  }

  /** A brand: id, name, handles by platform code, IANA time zone, version and times. */
  public static JsonObject brand(Brand b) {
    JsonObject handles = new JsonObject();
    b.handles().forEach((p, list) -> handles.put(p.code(), new JsonArray(list)));
    return new JsonObject().put("id", b.id()).put("version", b.version()).put("name", b.name())
        .put("handles", handles).put("timeZone", b.timeZone().getId())
        .put("createdAt", time(b.createdAt())).put("updatedAt", time(b.updatedAt()));
  }

  public static JsonObject connector(ConnectorStatus s) {
    return new JsonObject().put("account", s.account()).put("platform", s.platform())
        .put("state", s.state().code()).put("detail", s.detail()).put("until", time(s.until()))
        .put("lastPollAt", time(s.lastPollAt())).put("mentionsRead", s.mentionsRead())
        .put("malformedSkipped", s.malformedSkipped()).put("budget", budget(s.spend()));
  }

  /**
   * Spend against the account's budget: requests in the window and US dollars this month, each
   * with its limit and remaining amount (null: no limit) and when it resets.
   */
  public static JsonObject budget(ConnectorSpend b) {
    if (b == null) {
      return null;
    }
    JsonObject requests = new JsonObject().put("used", b.requests()).put("limit", b.requestLimit())
        .put("remaining", b.remainingRequests()).put("resetsAt", time(b.requestsResetAt()));
    JsonObject money = new JsonObject().put("currency", "USD").put("spent", usd(b.spentMicros()))
        .put("cap", b.capMicros() == null ? null : usd(b.capMicros()))
        .put("remaining", b.remainingMicros() == null ? null : usd(b.remainingMicros()))
        .put("resetsAt", time(b.moneyResetAt()));
    return new JsonObject().put("level", b.level().code()).put("requests", requests).put("money", money);
  }

  private static double usd(long micros) {
    return micros / 1_000_000.0;
  }

  private static JsonObject priority(Priority p) {
    JsonArray signals = new JsonArray();
    p.signals().forEach(s -> signals.add(new JsonObject().put("name", s.name()).put("points", s.points())
        .put("detail", s.detail())));
    return new JsonObject().put("value", p.value()).put("signals", signals);
  }

  /** The triage: sentiment, label, confidence, the cues behind them, reasons and the scored priority. */
  private static JsonObject triage(Triage t) {
    if (t == null) {
      return null;
    }
    JsonArray reasons = new JsonArray();
    t.reasons().forEach(r -> reasons.add(new JsonObject().put("code", r.code()).put("score", r.score())));
    return new JsonObject().put("sentiment", t.sentiment()).put("label", t.label().code())
        .put("confidence", t.confidence()).put("cues", new JsonArray(t.cues())).put("reasons", reasons)
        .put("priority", t.priority().value());
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
