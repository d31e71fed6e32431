package io.earshot.domain;

/**
 * The publishing life of a reply: {@code draft → pending_approval → queued → sending → sent |
 * failed}, or {@code rejected} by an approver. {@code sending} means a publish attempt may have
 * reached the platform; it is retried with the same idempotency key, never blindly re-posted.
 * The transitions themselves are {@link ReplyLifecycle}'s.
 */
public enum ReplyState {
  DRAFT, PENDING_APPROVAL, QUEUED, SENDING, SENT, FAILED, REJECTED;

  public String code() {
    return name().toLowerCase();
  }

  public static ReplyState fromCode(String code) {
    return valueOf(code.toUpperCase());
  }

  /** Nothing more happens to a reply in this state. */
  public boolean isFinal() {
    return this == SENT || this == FAILED || this == REJECTED;
  }
}
