package io.earshot.events;

import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.AdminEvents.AccountChanged;
import io.earshot.domain.event.ReplyEvents.ApprovalPolicyUpdated;
import io.earshot.domain.event.AdminEvents.BrandChanged;
import io.earshot.domain.event.BroadcastEvents.BroadcastChanged;
import io.earshot.domain.event.BroadcastEvents.BroadcastProgress;
import io.earshot.domain.event.CaseEvents.CaseAssigned;
import io.earshot.domain.event.CaseEvents.CaseMentionAdded;
import io.earshot.domain.event.CaseEvents.CaseMentionsMoved;
import io.earshot.domain.event.CaseEvents.CaseOpened;
import io.earshot.domain.event.CaseEvents.CaseReopened;
import io.earshot.domain.event.CaseEvents.CaseReprioritized;
import io.earshot.domain.event.CaseEvents.CaseResponded;
import io.earshot.domain.event.SlaEvents.CaseSlaBreached;
import io.earshot.domain.event.SlaEvents.CaseSlaWarning;
import io.earshot.domain.event.CaseEvents.CaseStatusChanged;
import io.earshot.domain.event.ConnectorEvents.ConnectorBudgetWarning;
import io.earshot.domain.event.ConnectorEvents.ConnectorEnabledChanged;
import io.earshot.domain.event.ConnectorEvents.ConnectorStatusChanged;
import io.earshot.domain.event.MentionEvents.MentionReceived;
import io.earshot.domain.event.DomainEvent.OfCase;
import io.earshot.domain.event.DomainEvent.OfReply;
import io.earshot.domain.event.ReplyEvents.ReplyApproved;
import io.earshot.domain.event.ReplyEvents.ReplyEscalated;
import io.earshot.domain.event.ReplyEvents.ReplyRejected;
import io.earshot.domain.event.ReplyEvents.ReplyReturned;
import io.earshot.domain.event.SlaEvents.SlaPolicyUpdated;
import io.earshot.domain.event.AdminEvents.TemplateChanged;
import io.earshot.domain.event.AdminEvents.RoutingPolicyUpdated;
import io.earshot.domain.event.AdminEvents.TeamChanged;
import io.earshot.domain.event.AdminEvents.WebhookChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Turns a domain event into its envelope: the v1 payload and a one-line summary for the audit log. */
public final class EventCodec {
  private EventCodec() {
  }

  public static EventEnvelope encode(String id, DomainEvent event) {
    return new EventEnvelope(id, event.type().code(), event.at(), event.actor(), event.subject(),
        summary(event), data(event));
  }

  private static JsonObject data(DomainEvent event) {
    JsonObject problems = ProblemPayloads.data(event);
    if (problems != null) {
      return problems;
    }
    JsonObject moderation = ModerationPayloads.data(event);
    if (moderation != null) {
      return moderation;
    }
    if (CaseworkCodec.handles(event)) {
      return CaseworkCodec.data(event, event instanceof OfCase c ? caseData(c) : new JsonObject());
    }
    if (event instanceof OfCase c) {
      return caseData(c);
    }
    if (event instanceof OfReply r) {
      return replyData(r);
    }
    if (event instanceof MentionReceived m) {
      return new JsonObject().put("mention", EventPayloads.mention(m.mention()));
    }
    if (event instanceof ConnectorStatusChanged s) {
      return new JsonObject().put("connector", EventPayloads.connector(s.status()));
    }
    if (event instanceof WebhookChanged w) {
      return new JsonObject().put("webhookId", w.webhookId()).put("detail", w.detail());
    }
    if (event instanceof TemplateChanged t) {
      return new JsonObject().put("templateId", t.templateId()).put("detail", t.detail());
    }
    if (event instanceof ApprovalPolicyUpdated p) {
      return new JsonObject().put("version", p.version()).put("detail", p.detail());
    }
    if (event instanceof SlaPolicyUpdated p) {
      return new JsonObject().put("version", p.version()).put("detail", p.detail());
    }
    if (event instanceof BrandChanged b) {
      return new JsonObject().put("brand", EventPayloads.brand(b.brand())).put("detail", b.detail());
    }
    if (event instanceof ConnectorEnabledChanged e) {
      return new JsonObject().put("account", e.account()).put("before", new JsonObject().put("enabled", e.before()))
          .put("after", new JsonObject().put("enabled", e.enabled()));
    }
    if (event instanceof ConnectorBudgetWarning w) {
      return new JsonObject().put("account", w.account()).put("platform", w.platform())
          .put("budget", EventPayloads.budget(w.spend()));
    }
    if (event instanceof RoutingPolicyUpdated p) {
      return new JsonObject().put("version", p.version()).put("detail", p.detail());
    }
    if (event instanceof TeamChanged t) {
      return new JsonObject().put("team", new JsonObject().put("name", t.team()).put("members", new JsonArray(t.members())))
          .put("detail", t.detail());
    }
    if (event instanceof BroadcastChanged b) {
      return new JsonObject().put("broadcast", EventPayloads.broadcast(b.broadcast())).put("detail", b.detail());
    }
    if (event instanceof BroadcastProgress p) {
      return EventPayloads.broadcastProgress(p.broadcast(), p.notices(), p.posts());
    }
    AccountChanged a = (AccountChanged) event;
    return new JsonObject().put("username", a.username()).put("detail", a.detail());
  }

  private static JsonObject caseData(OfCase event) {
    JsonObject data = new JsonObject().put("case", EventPayloads.careCase(event.careCase()));
    if (event instanceof CaseOpened o) {
      data.put("mentionId", o.first().id());
    } else if (event instanceof CaseMentionAdded m) {
      data.put("mentionId", m.mention().id());
    } else if (event instanceof CaseReopened r) {
      data.put("from", r.from().code());
    } else if (event instanceof CaseMentionsMoved m) {
      data.put("source", EventPayloads.careCase(m.source())).put("mentionIds", new JsonArray(m.mentionIds()));
    } else if (event instanceof CaseAssigned a) {
      data.put("from", a.from()).put("to", a.to()).put("fromTeam", a.fromTeam()).put("toTeam", a.toTeam());
    } else if (event instanceof CaseStatusChanged s) {
      data.put("from", s.from().code()).put("to", s.to().code());
    } else if (event instanceof CaseResponded r) {
      data.put("replyId", r.replyId()).put("first", r.first());
    } else if (event instanceof CaseReprioritized p) {
      data.put("from", p.from());
    } else if (event instanceof CaseSlaWarning w) {
      data.put("target", w.target().code()).put("dueAt", EventPayloads.time(w.dueAt()));
    } else if (event instanceof CaseSlaBreached b) {
      data.put("target", b.target().code()).put("dueAt", EventPayloads.time(b.dueAt()));
    } else if (event instanceof DomainEvent.CaseProblemLinked l) {
      data.put("problemId", l.problemId());
    }
    return data;
  }

  private static JsonObject replyData(OfReply event) {
    JsonObject data = new JsonObject().put("reply", EventPayloads.reply(event.reply()));
    if (event instanceof ReplyApproved a) {
      data.put("edited", a.edited());
    } else if (event instanceof ReplyRejected r) {
      data.put("reason", r.reason());
    } else if (event instanceof ReplyReturned r) {
      data.put("note", r.note());
    }
    return data;
  }

  private static String summary(DomainEvent event) {
    String problems = ProblemPayloads.summary(event);
    if (problems != null) {
      return problems;
    }
    String moderation = ModerationPayloads.summary(event);
    if (moderation != null) {
      return moderation;
    }
    if (CaseworkCodec.handles(event)) {
      return CaseworkCodec.summary(event);
    }
    if (event instanceof OfCase c) {
      return caseSummary(c);
    }
    if (event instanceof ReplyRejected r) {
      return "rejected: " + r.reason();
    }
    if (event instanceof ReplyApproved a) {
      return a.edited() ? "approved with edits: \"" + a.reply().approval().submittedText() + "\" → \""
          + a.reply().text() + "\"" : "approved";
    }
    if (event instanceof ReplyReturned r) {
      return "sent back: " + r.note();
    }
    if (event instanceof ReplyEscalated e) {
      return "waited past " + e.reply().approval().escalateAt() + " for approval (rule " + e.reply().approval().ruleId() + ")";
    }
    if (event instanceof OfReply r && r.type() == io.earshot.domain.event.EventType.REPLY_SUBMITTED
        && r.reply().approval() != null) {
      return "held for approval (rule " + r.reply().approval().ruleId() + ")";
    }
    if (event instanceof ApprovalPolicyUpdated p) {
      return p.detail();
    }
    if (event instanceof SlaPolicyUpdated p) {
      return p.detail();
    }
    if (event instanceof OfReply r) {
      return r.reply().state().code() + (r.reply().externalId() == null ? "" : " as " + r.reply().externalId());
    }
    if (event instanceof MentionReceived m) {
      return "case " + m.mention().caseId();
    }
    if (event instanceof ConnectorStatusChanged s) {
      return s.status().state().code();
    }
    if (event instanceof WebhookChanged w) {
      return w.detail();
    }
    if (event instanceof TemplateChanged t) {
      return t.detail();
    }
    if (event instanceof BrandChanged b) {
      return b.detail();
    }
    if (event instanceof ConnectorEnabledChanged e) {
      return (e.enabled() ? "enabled" : "disabled") + " (was " + (e.before() ? "enabled" : "disabled") + ")";
    }
    if (event instanceof ConnectorBudgetWarning w) {
      return "budget " + w.spend().level().code();
    }
    if (event instanceof RoutingPolicyUpdated p) {
      return p.detail();
    }
    if (event instanceof TeamChanged t) {
      return t.detail();
    }
    if (event instanceof BroadcastChanged b) {
      return b.detail();
    }
    if (event instanceof BroadcastProgress p) {
      return p.broadcast().state().code();
    }
    return ((AccountChanged) event).detail();
  }

  private static String caseSummary(OfCase event) {
    if (event instanceof CaseAssigned a) {
      String person = a.to() == null ? "unassigned (was " + a.from() + ")" : "assigned to " + a.to();
      return java.util.Objects.equals(a.fromTeam(), a.toTeam()) ? person
          : person + (a.toTeam() == null ? ", no team (was " + a.fromTeam() + ")" : ", team " + a.toTeam());
    }
    if (event instanceof CaseStatusChanged s) {
      return s.from().code() + " → " + s.to().code();
    }
    if (event instanceof CaseReopened r) {
      return "reopened by the customer (was " + r.from().code() + ")";
    }
    if (event instanceof CaseMentionsMoved m) {
      return m.mentionIds().size() + " mentions of a split chain moved in from case " + m.source().id();
    }
    if (event instanceof CaseResponded r) {
      return (r.first() ? "first response: reply " : "response: reply ") + r.replyId();
    }
    if (event instanceof CaseReprioritized p) {
      return "priority " + p.from() + " → " + p.careCase().priority().value();
    }
    if (event instanceof CaseOpened o) {
      return "opened by " + o.first().id();
    }
    if (event instanceof CaseSlaWarning w) {
      return "SLA " + w.target().code() + " due at " + w.dueAt();
    }
    if (event instanceof CaseSlaBreached b) {
      return "SLA " + b.target().code() + " breached (due at " + b.dueAt() + ")";
    }
    if (event.type() == io.earshot.domain.event.EventType.CASE_SLA_CHANGED) {
      return "SLA " + (event.careCase().sla() == null ? "none" : event.careCase().sla().state().code());
    }
    if (event instanceof DomainEvent.CaseProblemLinked l) {
      return "linked to Problem " + l.problemId();
    }
    return "mention " + ((CaseMentionAdded) event).mention().id();
  }
}
