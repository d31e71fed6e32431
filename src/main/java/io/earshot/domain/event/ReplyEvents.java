package io.earshot.domain.event;

import io.earshot.domain.Reply;
import java.time.Instant;

/**
 * A reply's life, from submission through approval and publishing to its engagement, and the approval policy.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface ReplyEvents permits DomainEvent {
  record ReplySubmitted(Reply reply, String actor, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_SUBMITTED;
    }
  }

  record ReplyApproved(Reply reply, String actor, boolean edited, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_APPROVED;
    }
  }

  record ReplyRejected(Reply reply, String actor, String reason, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_REJECTED;
    }
  }

  record ReplyReturned(Reply reply, String actor, String note, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_RETURNED;
    }
  }

  record ReplyEscalated(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_ESCALATED;
    }

    public String actor() {
      return "system:approvals";
    }
  }

  /** A publish attempt started (the reply is {@code sending}). */
  record ReplyAttempted(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_ATTEMPTED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyRetryScheduled(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_RETRY_SCHEDULED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplySent(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_SENT;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyFailed(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_FAILED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyEngagementUpdated(Reply reply, Instant at) implements DomainEvent.OfReply {
    public EventType type() {
      return EventType.REPLY_ENGAGEMENT_UPDATED;
    }

    public String actor() {
      return "system:engagement";
    }
  }

  /** An admin replaced the approval policy; {@code detail} lists the rules now in force. */
  record ApprovalPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.APPROVAL_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:approval";
    }
  }
}
