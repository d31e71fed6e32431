package io.earshot.web;

import io.earshot.domain.Author;
import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import io.earshot.domain.Reply;
import io.earshot.domain.Triage;
import io.earshot.domain.approval.Approval;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The public JSON shapes of the API and the live feed, in one place. */
public final class ApiJson {
  private ApiJson() {
  }

  public static JsonObject careCase(CareCase c) {
    return new JsonObject().put("id", c.id()).put("version", c.version()).put("platform", c.platform().code())
        .put("account", c.account()).put("brand", c.brand())
        .put("customer", new JsonObject().put("id", c.customerId()).put("handle", c.customerHandle()))
        .put("status", c.status().code()).put("priority", priority(c.priority()))
        .put("triage", triage(c.triage())).put("assignee", c.assignee()).put("team", c.team())
        .put("tags", new JsonArray(c.tags())).put("subject", c.subject()).put("lastText", c.lastText())
        .put("mentionCount", c.mentionCount()).put("createdAt", time(c.createdAt()))
        .put("updatedAt", time(c.updatedAt())).put("lastMentionAt", time(c.lastMentionAt()))
        .put("firstResponseAt", time(c.firstResponseAt())).put("snoozedUntil", time(c.snoozedUntil()))
        .put("sla", SlaJson.clock(c.sla())).put("problemId", c.problemId())
        .put("previousCaseAt", time(c.previousCaseAt()));
  }

  public static JsonObject priority(Priority p) {
    JsonArray signals = new JsonArray();
    p.signals().forEach(s -> signals.add(new JsonObject().put("name", s.name())
        .put("points", s.points()).put("detail", s.detail())));
    return new JsonObject().put("value", p.value()).put("signals", signals);
  }

  public static JsonObject triage(Triage t) {
    if (t == null) {
      return null;
    }
    JsonArray reasons = new JsonArray();
    t.reasons().forEach(r -> reasons.add(new JsonObject().put("code", r.code()).put("score", r.score())));
    return new JsonObject().put("sentiment", t.sentiment()).put("label", t.label().code())
        .put("confidence", t.confidence()).put("unsure", t.unsure()).put("lang", t.lang())
        .put("cues", new JsonArray(t.cues()))
        .put("reasons", reasons).put("priority", priority(t.priority()));
  }

  public static JsonObject author(Author a) {
    return new JsonObject().put("id", a.id()).put("handle", a.handle()).put("name", a.name())
        .put("followers", a.followers()).put("verified", a.verified());
  }

  public static JsonObject mention(Mention m) {
    return new JsonObject().put("kind", "mention").put("id", m.id()).put("platform", m.platform().code())
        .put("account", m.account()).put("brand", m.brand()).put("externalId", m.externalId())
        .put("author", author(m.author()))
        .put("text", m.text()).put("createdAt", time(m.createdAt())).put("inReplyTo", m.inReplyTo())
        .put("url", m.url()).put("lang", m.lang()).put("receivedAt", time(m.receivedAt()))
        .put("caseId", m.caseId()).put("triage", triage(m.triage()))
        .put("visibility", m.visibility().code()).put("private", m.isPrivate());
  }

  public static JsonObject reply(Reply r) {
    return new JsonObject().put("kind", "reply").put("id", r.id()).put("version", r.version()).put("caseId", r.caseId())
        .put("platform", r.platform().code()).put("account", r.account()).put("text", r.text())
        .put("state", r.state().code()).put("author", r.author()).put("externalId", r.externalId())
        .put("attempts", r.attempts()).put("lastError", r.lastError())
        .put("createdAt", time(r.createdAt())).put("sentAt", time(r.sentAt()))
        .put("engagement", engagement(r.engagement()))
        .put("heldBy", r.approval() == null ? null : r.approval().ruleId()).put("approval", approval(r.approval()))
        .put("visibility", r.visibility().code());
  }

  /** Why a reply was held and what became of it; the agent's own text stays beside the approved one. */
  static JsonObject approval(Approval a) {
    if (a == null) {
      return null;
    }
    return new JsonObject().put("rule", a.ruleId()).put("approver", a.approver()).put("selfApproval", a.selfApproval())
        .put("matched", a.matched())
        .put("heldAt", time(a.heldAt())).put("escalateAt", time(a.escalateAt())).put("escalated", a.escalated())
        .put("submittedText", a.submittedText()).put("decidedBy", a.decidedBy()).put("decidedAt", time(a.decidedAt()))
        .put("approved", a.approvedSha256() != null).put("note", a.note());
  }

  public static JsonObject engagement(Engagement e) {
    Engagement v = e == null ? Engagement.none() : e;
    return new JsonObject().put("likes", v.likes()).put("reposts", v.reposts()).put("replies", v.replies())
        .put("quotes", v.quotes()).put("impressions", v.impressions()).put("measuredAt", time(v.measuredAt()));
  }

  /** A brand: id, name, handles by platform code, IANA time zone, version and times. */
  public static JsonObject brand(Brand b) {
    JsonObject handles = new JsonObject();
    b.handles().forEach((p, list) -> handles.put(p.code(), new JsonArray(list)));
    return new JsonObject().put("id", b.id()).put("version", b.version()).put("name", b.name())
        .put("handles", handles).put("timeZone", b.timeZone().getId())
        .put("createdAt", time(b.createdAt())).put("updatedAt", time(b.updatedAt()));
  }

  public static JsonObject customer(Customer c) {
    return new JsonObject().put("id", c.id()).put("platform", c.platform().code())
        .put("handle", c.handle()).put("name", c.name()).put("followers", c.followers())
        .put("verified", c.verified()).put("tags", new JsonArray(c.tags().stream().sorted().toList()))
        .put("firstSeen", time(c.firstSeen())).put("lastSeen", time(c.lastSeen()));
  }

  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
