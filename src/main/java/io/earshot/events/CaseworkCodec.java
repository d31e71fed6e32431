package io.earshot.events;

import io.earshot.domain.Note;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.CaseworkEvents.CaseMerged;
import io.earshot.domain.event.CaseworkEvents.CaseNoted;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozeEnded;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozed;
import io.earshot.domain.event.CaseworkEvents.CaseTagged;
import io.earshot.domain.event.CaseworkEvents.TagListUpdated;
import io.earshot.domain.event.AdminEvents.ViewChanged;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The v1 payload and audit summary of the events of working a case (notes, tags, snooze,
 * merge), of the admins' tag list and of saved views, kept apart from {@link EventCodec} so that one stays short.
 */
final class CaseworkCodec {
  private CaseworkCodec() {
  }

  static boolean handles(DomainEvent e) {
    return e instanceof CaseNoted || e instanceof CaseTagged || e instanceof CaseSnoozed
        || e instanceof CaseSnoozeEnded || e instanceof CaseMerged || e instanceof TagListUpdated
        || e instanceof ViewChanged;
  }

  /** Adds the event's own fields to {@code data} (which holds the case, for case events). */
  static JsonObject data(DomainEvent event, JsonObject data) {
    if (event instanceof CaseNoted n) {
      data.put("note", note(n.note()));
    } else if (event instanceof CaseTagged t) {
      data.put("added", new JsonArray(t.added())).put("removed", new JsonArray(t.removed()));
    } else if (event instanceof CaseSnoozed s) {
      data.put("from", s.from().code()).put("until", s.careCase().snoozedUntil().toString());
    } else if (event instanceof CaseSnoozeEnded e) {
      data.put("until", e.until() == null ? null : e.until().toString());
    } else if (event instanceof CaseMerged m) {
      data.put("source", EventPayloads.careCase(m.source())).put("mentionIds", new JsonArray(m.mentionIds()));
    } else if (event instanceof TagListUpdated t) {
      data.put("version", t.version()).put("detail", t.detail());
    } else if (event instanceof ViewChanged v) {
      data.put("view", new JsonObject().put("id", v.viewId()).put("owner", v.owner()).put("shared", v.shared()))
          .put("detail", v.detail());
    }
    return data;
  }

  static String summary(DomainEvent event) {
    if (event instanceof CaseNoted n) {
      return "note " + n.note().id() + (n.note().mentions().isEmpty() ? "" : " mentioning " + String.join(", ",
          n.note().mentions()));
    }
    if (event instanceof CaseTagged t) {
      return "tags +" + t.added() + " -" + t.removed();
    }
    if (event instanceof CaseSnoozed s) {
      return "snoozed until " + s.careCase().snoozedUntil();
    }
    if (event instanceof CaseSnoozeEnded e) {
      return "snooze until " + e.until() + " ended" + (DomainEvent.SNOOZE.equals(e.actor()) ? " (its time came)" : "");
    }
    if (event instanceof CaseMerged m) {
      return "case " + m.source().id() + " merged in (" + m.mentionIds().size() + " mentions)";
    }
    if (event instanceof ViewChanged v) {
      return v.detail();
    }
    return ((TagListUpdated) event).detail();
  }

  /** A note as live events and webhooks carry it: {@code id, caseId, author, text, mentions, createdAt}. */
  static JsonObject note(Note n) {
    return new JsonObject().put("id", n.id()).put("caseId", n.caseId()).put("author", n.author())
        .put("text", n.text()).put("mentions", new JsonArray(n.mentions())).put("createdAt", n.createdAt().toString());
  }
}
