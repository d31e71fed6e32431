package io.earshot.domain.event;

import io.earshot.domain.Mention;
import java.time.Instant;

/**
 * Mentions: received by ingest, moderated on their platform.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface MentionEvents permits DomainEvent {
  record MentionReceived(Mention mention, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.MENTION_RECEIVED;
    }

    public String actor() {
      return INGEST;
    }

    public String subject() {
      return "mention:" + mention.id();
    }
  }

  /**
   * A brand manager or admin moderated a customer's comment on its platform ({@code mention.hidden},
   * {@code mention.unhidden}, {@code mention.deleted}); carries the moderation after the change and
   * the state it was in before ({@code from}).
   */
  record MentionModerated(EventType type, io.earshot.domain.Moderation moderation,
                          io.earshot.domain.Moderation.State from, String actor, Instant at) implements DomainEvent {
    public String subject() {
      return "mention:" + moderation.mentionId();
    }
  }
}
