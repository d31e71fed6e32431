package io.earshot.domain.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event name in one place, as {@code noun.verb}. A {@link Delivery#RECORDED} event is
 * staged durably with its change and reaches every durable listener (audit, webhooks, reporting)
 * at least once, even across a crash; a {@link Delivery#TRANSIENT} one (a live progress signal)
 * reaches only the listeners running at that moment, best effort.
 */
public enum EventType {
  MENTION_RECEIVED("mention.received", Delivery.RECORDED),
  /** A brand manager or admin hid a customer's comment on its platform (Facebook, Instagram). */
  MENTION_HIDDEN("mention.hidden", Delivery.RECORDED),
  /** A hidden comment was shown again. */
  MENTION_UNHIDDEN("mention.unhidden", Delivery.RECORDED),
  /** A brand manager or admin deleted a customer's comment on its platform; the mention stays in Earshot. */
  MENTION_DELETED("mention.deleted", Delivery.RECORDED),
  CASE_OPENED("case.opened", Delivery.RECORDED),
  CASE_MENTION_ADDED("case.mention_added", Delivery.RECORDED),
  CASE_REOPENED("case.reopened", Delivery.RECORDED),
  CASE_MENTIONS_MOVED("case.mentions_moved", Delivery.RECORDED),
  CASE_ASSIGNED("case.assigned", Delivery.RECORDED),
  CASE_STATUS_CHANGED("case.status_changed", Delivery.RECORDED),
  CASE_RESPONDED("case.responded", Delivery.RECORDED),
  CASE_REPRIORITIZED("case.reprioritized", Delivery.TRANSIENT),
  /** The case's SLA clocks started, paused, resumed or were met. */
  CASE_SLA_CHANGED("case.sla_changed", Delivery.RECORDED),
  /** A running SLA target used its warning share ({@code warnAtPercent}). */
  CASE_SLA_WARNING("case.sla_warning", Delivery.RECORDED),
  /** A running SLA target passed its due time unmet. */
  CASE_SLA_BREACHED("case.sla_breached", Delivery.RECORDED),
  REPLY_SUBMITTED("reply.submitted", Delivery.RECORDED),
  REPLY_APPROVED("reply.approved", Delivery.RECORDED),
  REPLY_REJECTED("reply.rejected", Delivery.RECORDED),
  /** An approver sent a held reply back to its author with a note. */
  REPLY_RETURNED("reply.returned", Delivery.RECORDED),
  /** A held reply waited past its rule's escalation time; every approver is told. */
  REPLY_ESCALATED("reply.escalated", Delivery.RECORDED),
  REPLY_ATTEMPTED("reply.attempted", Delivery.TRANSIENT),
  REPLY_RETRY_SCHEDULED("reply.retry_scheduled", Delivery.TRANSIENT),
  REPLY_SENT("reply.sent", Delivery.RECORDED),
  REPLY_FAILED("reply.failed", Delivery.RECORDED),
  REPLY_ENGAGEMENT_UPDATED("reply.engagement_updated", Delivery.TRANSIENT),
  CONNECTOR_STATUS_CHANGED("connector.status_changed", Delivery.TRANSIENT),
  CONNECTOR_BUDGET_WARNING("connector.budget_warning", Delivery.TRANSIENT),
  /** An admin enabled or disabled a connector account's polling. */
  CONNECTOR_ENABLED_CHANGED("connector.enabled_changed", Delivery.RECORDED),
  USER_CREATED("user.created", Delivery.RECORDED),
  USER_UPDATED("user.updated", Delivery.RECORDED),
  SESSION_CREATED("session.created", Delivery.RECORDED),
  SESSION_ENDED("session.ended", Delivery.RECORDED),
  TOKEN_CREATED("token.created", Delivery.RECORDED),
  /** Someone revoked one of their own personal API tokens. */
  TOKEN_REVOKED("token.revoked", Delivery.RECORDED),
  APPROVAL_POLICY_UPDATED("approval_policy.updated", Delivery.RECORDED),
  SLA_POLICY_UPDATED("sla_policy.updated", Delivery.RECORDED),
  WEBHOOK_CREATED("webhook.created", Delivery.RECORDED),
  WEBHOOK_UPDATED("webhook.updated", Delivery.RECORDED),
  WEBHOOK_DELETED("webhook.deleted", Delivery.RECORDED),
  /** An admin had one delivery of an event sent to an endpoint again (the replay button). */
  WEBHOOK_REPLAYED("webhook.replayed", Delivery.RECORDED),
  BRAND_CREATED("brand.created", Delivery.RECORDED),
  BRAND_UPDATED("brand.updated", Delivery.RECORDED),
  /** An internal note was added to a case (its mentioned users are notified live). */
  CASE_NOTED("case.noted", Delivery.RECORDED),
  CASE_TAGGED("case.tagged", Delivery.RECORDED),
  CASE_SNOOZED("case.snoozed", Delivery.RECORDED),
  CASE_SNOOZE_ENDED("case.snooze_ended", Delivery.RECORDED),
  /** Another case of the same customer was merged into this one. */
  CASE_MERGED("case.merged", Delivery.RECORDED),
  /** An admin replaced the list of defined tags. */
  TAG_LIST_UPDATED("tags.updated", Delivery.RECORDED),
  TEMPLATE_CREATED("template.created", Delivery.RECORDED),
  TEMPLATE_UPDATED("template.updated", Delivery.RECORDED),
  TEMPLATE_DELETED("template.deleted", Delivery.RECORDED),
  TEAM_CREATED("team.created", Delivery.RECORDED),
  TEAM_UPDATED("team.updated", Delivery.RECORDED),
  TEAM_DELETED("team.deleted", Delivery.RECORDED),
  /** Someone created or changed a saved view (a personal or shared case list). */
  VIEW_SAVED("view.saved", Delivery.RECORDED),
  VIEW_DELETED("view.deleted", Delivery.RECORDED),
  /** An admin replaced the auto-assignment (routing) policy. */
  ROUTING_POLICY_UPDATED("routing_policy.updated", Delivery.RECORDED),
  /** A case was linked to a Problem (its {@code problemId} is set). */
  CASE_PROBLEM_LINKED("case.problem_linked", Delivery.RECORDED),
  PROBLEM_OPENED("problem.opened", Delivery.RECORDED),
  PROBLEM_STATUS_CHANGED("problem.status_changed", Delivery.RECORDED),
  /** Title, public summary, department or severity changed. */
  PROBLEM_UPDATED("problem.updated", Delivery.RECORDED),
  PROBLEM_CASES_LINKED("problem.cases_linked", Delivery.RECORDED),
  PROBLEM_NOTE_ADDED("problem.note_added", Delivery.RECORDED),
  /** Someone declined a suggested case (accepting one links it: {@code problem.cases_linked}). */
  PROBLEM_SUGGESTION_DECLINED("problem.suggestion_declined", Delivery.RECORDED),
  DEPARTMENT_CREATED("department.created", Delivery.RECORDED),
  DEPARTMENT_UPDATED("department.updated", Delivery.RECORDED),
  DEPARTMENT_DELETED("department.deleted", Delivery.RECORDED),
  /** The spike detector raised an alert; every dashboard shows it. */
  ALERT_RAISED("alert.raised", Delivery.RECORDED),
  DETECTION_POLICY_UPDATED("detection_policy.updated", Delivery.RECORDED),
  /** A broadcast was written, held for approval (every broadcast is). */
  BROADCAST_SUBMITTED("broadcast.submitted", Delivery.RECORDED),
  BROADCAST_APPROVED("broadcast.approved", Delivery.RECORDED),
  BROADCAST_REJECTED("broadcast.rejected", Delivery.RECORDED),
  /** The runner created its posts and began the personal notices. */
  BROADCAST_STARTED("broadcast.started", Delivery.RECORDED),
  BROADCAST_PAUSED("broadcast.paused", Delivery.RECORDED),
  BROADCAST_RESUMED("broadcast.resumed", Delivery.RECORDED),
  /** Every post and notice reached a final state (or the broadcast was refused): sent or failed. */
  BROADCAST_FINISHED("broadcast.finished", Delivery.RECORDED),
  /** Live progress of posts and notices per account; best effort, the API reads the same counts. */
  BROADCAST_PROGRESS("broadcast.progress", Delivery.TRANSIENT);

  /** Whether an event survives a crash on its way to durable listeners. */
  public enum Delivery { RECORDED, TRANSIENT }

  private final String code;
  private final Delivery delivery;

  EventType(String code, Delivery delivery) {
    this.code = code;
    this.delivery = delivery;
  }

  /** The public {@code noun.verb} name. */
  public String code() {
    return code;
  }

  public boolean recorded() {
    return delivery == Delivery.RECORDED;
  }

  public static Optional<EventType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
