package io.earshot.domain.event;

import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import java.time.Instant;

/**
 * Broadcasts and the progress of their posts and notices.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface BroadcastEvents permits DomainEvent {
  /**
   * A broadcast's lifecycle moved ({@code broadcast.submitted}, {@code .approved}, {@code .rejected},
   * {@code .started}, {@code .paused}, {@code .resumed}, {@code .finished}); carries the broadcast
   * after the change and {@code detail}, a sentence for the audit log.
   */
  record BroadcastChanged(EventType type, Broadcast broadcast, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "broadcast:" + broadcast.id();
    }
  }

  /** Where a broadcast's notices stand, per account, and the state of each public post by account. */
  record BroadcastProgress(Broadcast broadcast, java.util.Map<String, NoticeCounts> notices,
                           java.util.Map<String, String> posts, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.BROADCAST_PROGRESS;
    }

    public String actor() {
      return "system:broadcasts";
    }

    public String subject() {
      return "broadcast:" + broadcast.id();
    }
  }
}
