package io.earshot.domain.event;

import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import java.time.Instant;

/**
 * What happened, as decided by a lifecycle: the sealed set of domain events, one record each.
 * Each names its {@link EventType}, when it happened, who did it ({@code actor}: a username or
 * {@code system:<part>}) and the record it is about ({@code subject}: {@code case:<id>},
 * {@code reply:<id>}, …). Case and reply events carry the record as it is after the change.
 */
public sealed interface DomainEvent {
  EventType type();

  Instant at();

  String actor();

  String subject();

  /** The actor of changes made by the ingest pipeline (a customer wrote). */
  String INGEST = "system:ingest";
  /** The actor of changes made by the outbox publisher. */
  String PUBLISHER = "system:publisher";
  /** The actor of brands created at start-up (the default brand, {@code brands.json}, the sandbox's). */
  String BRANDS = "system:brands";

  /** Events about one case. */
  sealed interface OfCase extends DomainEvent {
    CareCase careCase();

    @Override
    default String subject() {
      return "case:" + careCase().id();
    }
  }

  /** Events about one reply. */
  sealed interface OfReply extends DomainEvent {
    Reply reply();

    @Override
    default String subject() {
      return "reply:" + reply().id();
    }
  }

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

  record CaseOpened(CareCase careCase, Mention first, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_OPENED;
    }

    public String actor() {
      return INGEST;
    }
  }

  record CaseMentionAdded(CareCase careCase, Mention mention, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_MENTION_ADDED;
    }

    public String actor() {
      return INGEST;
    }
  }

  /** A customer wrote into a resolved or pending case. */
  record CaseReopened(CareCase careCase, CaseStatus from, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_REOPENED;
    }

    public String actor() {
      return INGEST;
    }
  }

  /**
   * Part of a reply chain found split across two cases was moved into this one, from
   * {@code source} (as it is after the move: resolved as merged when nothing was left in it).
   */
  record CaseMentionsMoved(CareCase careCase, CareCase source, java.util.List<String> mentionIds, Instant at)
      implements OfCase {
    public EventType type() {
      return EventType.CASE_MENTIONS_MOVED;
    }

    public String actor() {
      return INGEST;
    }
  }

  record CaseAssigned(CareCase careCase, String from, String to, String actor, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_ASSIGNED;
    }
  }

  record CaseStatusChanged(CareCase careCase, CaseStatus from, CaseStatus to, String actor, Instant at)
      implements OfCase {
    public EventType type() {
      return EventType.CASE_STATUS_CHANGED;
    }
  }

  /** A brand reply in the case was published; {@code first} when it is the case's first response. */
  record CaseResponded(CareCase careCase, String replyId, boolean first, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_RESPONDED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  /** The case's priority grew while it waited. */
  record CaseReprioritized(CareCase careCase, int from, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_REPRIORITIZED;
    }

    public String actor() {
      return "system:priority";
    }
  }

  record ReplySubmitted(Reply reply, String actor, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_SUBMITTED;
    }
  }

  record ReplyApproved(Reply reply, String actor, boolean edited, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_APPROVED;
    }
  }

  record ReplyRejected(Reply reply, String actor, String reason, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_REJECTED;
    }
  }

  record ReplyReturned(Reply reply, String actor, String note, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_RETURNED;
    }
  }

  record ReplyEscalated(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_ESCALATED;
    }

    public String actor() {
      return "system:approvals";
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

  /** A publish attempt started (the reply is {@code sending}). */
  record ReplyAttempted(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_ATTEMPTED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyRetryScheduled(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_RETRY_SCHEDULED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplySent(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_SENT;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyFailed(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_FAILED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  record ReplyEngagementUpdated(Reply reply, Instant at) implements OfReply {
    public EventType type() {
      return EventType.REPLY_ENGAGEMENT_UPDATED;
    }

    public String actor() {
      return "system:engagement";
    }
  }

  record ConnectorStatusChanged(ConnectorStatus status, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_STATUS_CHANGED;
    }

    public String actor() {
      return "system:connector";
    }

    public String subject() {
      return "connector:" + status.account();
    }
  }

  /**
   * A connector account crossed its budget's warning fraction or exhausted a limit; told once per
   * level and period, whichever instance spent the crossing amount.
   */
  record ConnectorBudgetWarning(String account, String platform, ConnectorSpend spend, Instant at)
      implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_BUDGET_WARNING;
    }

    public String actor() {
      return "system:connector";
    }

    public String subject() {
      return "connector:" + account;
    }
  }

  /**
   * A change to a user account or its credentials: {@code user.created}, {@code user.updated},
   * {@code session.created}, {@code session.ended}, {@code token.created}; {@code detail} says what
   * changed, never a secret.
   */
  record AccountChanged(EventType type, String username, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "user:" + username;
    }
  }

  /**
   * An admin's change to an outgoing webhook endpoint: {@code webhook.created}, {@code webhook.updated},
   * {@code webhook.deleted}, {@code webhook.replayed}; {@code detail} says what changed, never the secret.
   */
  record WebhookChanged(EventType type, String webhookId, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "webhook:" + webhookId;
    }
  }

  /**
   * A brand created or changed, by an admin or by start-up seeding ({@link #BRANDS}):
   * {@code brand.created}, {@code brand.updated}; carries the brand as it is after the change and
   * {@code detail}, what changed.
   */
  record BrandChanged(EventType type, Brand brand, String actor, String detail, Instant at) implements DomainEvent {
    public String subject() {
      return "brand:" + brand.id();
    }
  }

  /** An admin switched a connector account's polling on or off ({@code before} → {@code enabled}). */
  record ConnectorEnabledChanged(String account, boolean before, boolean enabled, String actor, Instant at)
      implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_ENABLED_CHANGED;
    }

    public String subject() {
      return "connector:" + account;
    }
  }

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
