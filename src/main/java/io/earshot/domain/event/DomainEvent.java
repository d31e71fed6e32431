package io.earshot.domain.event;

import io.earshot.domain.CareCase;
import io.earshot.domain.Reply;
import java.time.Instant;

/**
 * What happened, as decided by a lifecycle: the sealed set of domain events, one record each.
 * Each names its {@link EventType}, when it happened, who did it ({@code actor}: a username or
 * {@code system:<part>}) and the record it is about ({@code subject}: {@code case:<id>},
 * {@code reply:<id>}, …). Case and reply events carry the record as it is after the change.
 *
 * <p>The records live by noun in holder interfaces of this package ({@link CaseEvents},
 * {@link ReplyEvents}, …) that this interface extends, so each is still named
 * {@code DomainEvent.CaseOpened} (a member type is inherited); an import names its holder,
 * {@code import io.earshot.domain.event.CaseEvents.CaseOpened}. Each holder permits only this
 * interface, and the records permitted here and in {@link OfCase}/{@link OfReply} are listed by
 * hand: a sealed type's subtypes in other files must be named. A new event is a record in its
 * noun's holder, a line in the right {@code permits} list, its {@link EventType} and a row in
 * {@code docs/EVENTS.md}.
 */
public sealed interface DomainEvent
    extends CaseEvents, CaseworkEvents, SlaEvents, ReplyEvents, MentionEvents, ConnectorEvents, AdminEvents,
    ProblemEvents, BroadcastEvents
    permits DomainEvent.OfCase, DomainEvent.OfReply,
    MentionEvents.MentionReceived, MentionEvents.MentionModerated,
    CaseworkEvents.TagListUpdated,
    SlaEvents.SlaPolicyUpdated,
    ReplyEvents.ApprovalPolicyUpdated,
    ConnectorEvents.ConnectorStatusChanged, ConnectorEvents.ConnectorBudgetWarning,
    ConnectorEvents.ConnectorEnabledChanged,
    AdminEvents.AccountChanged, AdminEvents.WebhookChanged, AdminEvents.BrandChanged, AdminEvents.TemplateChanged,
    AdminEvents.TeamChanged, AdminEvents.ViewChanged, AdminEvents.RoutingPolicyUpdated,
    ProblemEvents.ProblemChanged, ProblemEvents.DepartmentChanged, ProblemEvents.AlertRaised,
    ProblemEvents.DetectionPolicyUpdated,
    BroadcastEvents.BroadcastChanged, BroadcastEvents.BroadcastProgress {
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
  /** The actor of changes to SLA clocks (the clock lifecycle and the watcher). */
  String SLA = "system:sla";

  /** Events about one case. */
  sealed interface OfCase extends DomainEvent permits
      CaseEvents.CaseOpened, CaseEvents.CaseMentionAdded, CaseEvents.CaseReopened, CaseEvents.CaseMentionsMoved,
      CaseEvents.CaseAssigned, CaseEvents.CaseStatusChanged, CaseEvents.CaseResponded, CaseEvents.CaseReprioritized,
      CaseEvents.CaseProblemLinked,
      CaseworkEvents.CaseNoted, CaseworkEvents.CaseTagged, CaseworkEvents.CaseSnoozed,
      CaseworkEvents.CaseSnoozeEnded, CaseworkEvents.CaseMerged,
      SlaEvents.CaseSlaChanged, SlaEvents.CaseSlaWarning, SlaEvents.CaseSlaBreached {
    CareCase careCase();

    @Override
    default String subject() {
      return "case:" + careCase().id();
    }
  }

  /** Events about one reply. */
  sealed interface OfReply extends DomainEvent permits
      ReplyEvents.ReplySubmitted, ReplyEvents.ReplyApproved, ReplyEvents.ReplyRejected, ReplyEvents.ReplyReturned,
      ReplyEvents.ReplyEscalated, ReplyEvents.ReplyAttempted, ReplyEvents.ReplyRetryScheduled, ReplyEvents.ReplySent,
      ReplyEvents.ReplyFailed, ReplyEvents.ReplyEngagementUpdated {
    Reply reply();

    @Override
    default String subject() {
      return "reply:" + reply().id();
    }
  }
}
