package io.earshot.domain.event;

import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.problem.Alert;
import io.earshot.problem.Department;
import io.earshot.problem.Problem;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeCounts;
import java.time.Instant;
import java.util.List;

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
  /** The actor of assignments made by auto-assignment (routing policies). */
  String ROUTING = "system:routing";
  /** The actor of brands created at start-up (the default brand, {@code brands.json}, the sandbox's). */
  String BRANDS = "system:brands";
  /** The actor of snoozes that end because their time came. */
  String SNOOZE = "system:snooze";

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

  /** The case's person ({@code from} → {@code to}) or team ({@code fromTeam} → {@code toTeam}) changed. */
  record CaseAssigned(CareCase careCase, String from, String to, String actor, Instant at, String fromTeam,
                      String toTeam) implements OfCase {
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

  record SlaPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.SLA_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:sla";
    }
  }

  /** The actor of changes to SLA clocks (the clock lifecycle and the watcher). */
  String SLA = "system:sla";

  /** The case's SLA clocks moved (started, paused, resumed, met, stopped); the case carries them. */
  record CaseSlaChanged(CareCase careCase, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_SLA_CHANGED;
    }

    public String actor() {
      return SLA;
    }
  }

  /** A running SLA target of the case used its warning share; told once per target. */
  record CaseSlaWarning(CareCase careCase, io.earshot.domain.SlaClock.Kind target, Instant dueAt, Instant at)
      implements OfCase {
    public EventType type() {
      return EventType.CASE_SLA_WARNING;
    }

    public String actor() {
      return SLA;
    }
  }

  /** A running SLA target of the case passed its due time unmet; told once per target. */
  record CaseSlaBreached(CareCase careCase, io.earshot.domain.SlaClock.Kind target, Instant dueAt, Instant at)
      implements OfCase {
    public EventType type() {
      return EventType.CASE_SLA_BREACHED;
    }

    public String actor() {
      return SLA;
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

  /**
   * A manager's or admin's change to a saved reply: {@code template.created}, {@code template.updated},
   * {@code template.deleted}; {@code detail} says what changed.
   */
  record TemplateChanged(EventType type, String templateId, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "template:" + templateId;
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

  // Working a case (notes, tags, snooze, merge) and the admins' tag list.

  /** An internal note was added to the case; {@code note.mentions()} are the users it notifies. */
  record CaseNoted(CareCase careCase, io.earshot.domain.Note note, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_NOTED;
    }

    public String actor() {
      return note.author();
    }
  }

  /** The case's tags changed: {@code added} and {@code removed}, in lower case. */
  record CaseTagged(CareCase careCase, java.util.List<String> added, java.util.List<String> removed, String actor,
                    Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_TAGGED;
    }
  }

  /** An agent snoozed the case until {@code careCase.snoozedUntil()}; it is pending until then. */
  record CaseSnoozed(CareCase careCase, CaseStatus from, String actor, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_SNOOZED;
    }
  }

  /** A snooze ended: its time came ({@code SNOOZE} is the actor) or an agent ended it; the case is open. */
  record CaseSnoozeEnded(CareCase careCase, Instant until, String actor, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_SNOOZE_ENDED;
    }
  }

  /**
   * Another case of the same customer ({@code source}, as it is after: resolved, pointing here)
   * was merged into this one: its mentions ({@code mentionIds}), replies and notes are here now.
   */
  record CaseMerged(CareCase careCase, CareCase source, java.util.List<String> mentionIds, String actor, Instant at)
      implements OfCase {
    public EventType type() {
      return EventType.CASE_MERGED;
    }
  }

  /** An admin replaced the list of defined tags; {@code detail} names them. */
  record TagListUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.TAG_LIST_UPDATED;
    }

    public String subject() {
      return "tags:defined";
    }
  }

  /**
   * An admin created, changed or deleted a team ({@code team.created}, {@code team.updated},
   * {@code team.deleted}); carries the members after the change and {@code detail}, what changed.
   */
  record TeamChanged(EventType type, String team, java.util.List<String> members, String actor, String detail,
                     Instant at) implements DomainEvent {
    public TeamChanged {
      members = java.util.List.copyOf(members);
    }

    public String subject() {
      return "team:" + team;
    }
  }

  /**
   * A saved view was created or changed ({@code view.saved}) or deleted ({@code view.deleted}).
   * Every dashboard receives events live, so a personal view's name and filters stay out of
   * {@code detail} (only its owner sees it); a shared view's are told.
   */
  record ViewChanged(EventType type, String viewId, String owner, boolean shared, String actor, String detail,
                     Instant at) implements DomainEvent {
    public String subject() {
      return "view:" + viewId;
    }
  }

  /** An admin replaced the routing (auto-assignment) policy; {@code detail} lists each brand's mode. */
  record RoutingPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.ROUTING_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:routing";
    }
  }

  /** A case was linked to Problem {@code problemId}, by hand, in bulk, from a suggestion or an alert. */
  record CaseProblemLinked(CareCase careCase, String problemId, String actor, Instant at) implements OfCase {
    public EventType type() {
      return EventType.CASE_PROBLEM_LINKED;
    }
  }

  /**
   * A Problem opened or changed: {@code problem.opened}, {@code problem.status_changed},
   * {@code problem.updated}, {@code problem.cases_linked} ({@code caseIds}: the newly linked),
   * {@code problem.note_added} and {@code problem.suggestion_declined} ({@code detail}: the note
   * or the declined case); carries the Problem as it is after the change.
   */
  record ProblemChanged(EventType type, Problem problem, String actor, String detail, List<String> caseIds,
                        Instant at) implements DomainEvent {
    public ProblemChanged {
      caseIds = List.copyOf(caseIds);
    }

    public String subject() {
      return "problem:" + problem.id();
    }
  }

  /** An admin's change to a department: {@code department.created}, {@code .updated}, {@code .deleted}. */
  record DepartmentChanged(EventType type, Department department, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "department:" + department.id();
    }
  }

  /** The detector saw a spike (in the mentions' own time) and raised {@code alert}. */
  record AlertRaised(Alert alert, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.ALERT_RAISED;
    }

    public String actor() {
      return "system:detection";
    }

    public String subject() {
      return "alert:" + alert.id();
    }
  }

  /** An admin replaced the detection thresholds; {@code detail} lists the brands with their own. */
  record DetectionPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.DETECTION_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:detection";
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
