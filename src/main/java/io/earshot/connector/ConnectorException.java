package io.earshot.connector;

import java.time.Instant;

/**
 * Why a platform call failed, typed so the runner can react: wait until a rate limit resets,
 * stop on bad credentials, back off on transient faults, give up on a permanent rejection.
 */
public class ConnectorException extends RuntimeException {

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }

  public ConnectorException(String message) {
    super(message);
  }

  /** The platform said "slow down" and when its window resets. */
  public static class RateLimited extends ConnectorException {
    private final Instant resetAt;

    public RateLimited(String message, Instant resetAt) {
      super(message);
      this.resetAt = resetAt;
    }

    public Instant resetAt() {
      return resetAt;
    }
  }

  /**
   * The account's own budget cannot afford the call: nothing was sent. It waits like a platform
   * rate limit, until the budget's window or month resets.
   */
  public static final class BudgetExhausted extends RateLimited {
    public BudgetExhausted(String message, Instant resetAt) {
      super(message, resetAt);
    }
  }

  /** Credentials were refused (401/403); polling stops until the account is fixed. */
  public static final class Unauthorized extends ConnectorException {
    public Unauthorized(String message) {
      super(message);
    }
  }

  /** A network fault or 5xx: worth retrying with backoff. */
  public static final class Transient extends ConnectorException {
    public Transient(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The platform rejected the request for good (e.g. 4xx on a reply): retrying cannot help. */
  public static final class Rejected extends ConnectorException {
    public Rejected(String message) {
      super(message);
    }
  }
}
