package io.earshot.events;

import io.earshot.domain.Moderation;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.MentionEvents.MentionModerated;
import io.vertx.core.json.JsonObject;

/**
 * The v1 payload and audit summary of {@code mention.hidden}, {@code mention.unhidden} and
 * {@code mention.deleted} (see {@code docs/EVENTS.md}), apart from {@link EventCodec} so the
 * moderation side adds its shapes without touching the others'.
 */
final class ModerationPayloads {
  private ModerationPayloads() {
  }

  /** The event's {@code data}, or null when it is no moderation event. */
  static JsonObject data(DomainEvent event) {
    if (!(event instanceof MentionModerated m)) {
      return null;
    }
    return new JsonObject().put("moderation", moderation(m.moderation())).put("from", m.from().code());
  }

  static String summary(DomainEvent event) {
    if (!(event instanceof MentionModerated m)) {
      return null;
    }
    Moderation after = m.moderation();
    return after.state().code() + " on " + after.platform().code() + " (was " + m.from().code() + "), case "
        + after.caseId();
  }

  /** {@code mentionId, caseId, platform, state, version, changedBy, changedAt}. */
  static JsonObject moderation(Moderation m) {
    return new JsonObject().put("mentionId", m.mentionId()).put("caseId", m.caseId())
        .put("platform", m.platform().code()).put("state", m.state().code()).put("version", m.version())
        .put("changedBy", m.changedBy()).put("changedAt", EventPayloads.time(m.changedAt()));
  }
}
