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
  CASE_OPENED("case.opened", Delivery.RECORDED),
  CASE_MENTION_ADDED("case.mention_added", Delivery.RECORDED),
  CASE_REOPENED("case.reopened", Delivery.RECORDED),
  CASE_MENTIONS_MOVED("case.mentions_moved", Delivery.RECORDED),
  CASE_ASSIGNED("case.assigned", Delivery.RECORDED),
  CASE_STATUS_CHANGED("case.status_changed", Delivery.RECORDED),
  CASE_RESPONDED("case.responded", Delivery.RECORDED),
  CASE_REPRIORITIZED("case.reprioritized", Delivery.TRANSIENT),
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
  WEBHOOK_CREATED("webhook.created", Delivery.RECORDED),
  WEBHOOK_UPDATED("webhook.updated", Delivery.RECORDED),
  WEBHOOK_DELETED("webhook.deleted", Delivery.RECORDED),
  /** An admin had one delivery of an event sent to an endpoint again (the replay button). */
  WEBHOOK_REPLAYED("webhook.replayed", Delivery.RECORDED),
  BRAND_CREATED("brand.created", Delivery.RECORDED),
  BRAND_UPDATED("brand.updated", Delivery.RECORDED),
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
