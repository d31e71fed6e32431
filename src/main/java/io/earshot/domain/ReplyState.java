package io.earshot.domain;

/**
 * The publishing life of a reply: {@code pending_approval → queued → sending → sent | failed}.
 * {@code sending} means a publish attempt may have reached the platform; it is retried with the
 * same idempotency key, never blindly re-posted.
 */
public enum ReplyState {
  PENDING_APPROVAL, QUEUED, SENDING, SENT, FAILED, REJECTED;

  public String code() {
    return name().toLowerCase();
  }

  public static ReplyState fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
