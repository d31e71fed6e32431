package io.earshot.domain.broadcast;

/**
 * The life of a broadcast: {@code pending_approval → queued → sending → sent | failed}, or
 * {@code rejected} by an approver; {@code paused} stops the fan-out of a queued or sending one
 * until it is resumed. Its posts and personal notices are replies in the outbox, each with the
 * reply lifecycle of its own. The transitions are {@link BroadcastLifecycle}'s.
 */
public enum BroadcastState {
  PENDING_APPROVAL, QUEUED, SENDING, PAUSED, SENT, FAILED, REJECTED;

  public String code() {
    return name().toLowerCase();
  }

  public static BroadcastState fromCode(String code) {
    return valueOf(code.toUpperCase());
  }

  /** Whether the runner still has work for a broadcast in this state. */
  public boolean active() {
    return this == QUEUED || this == SENDING;
  }
}
