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
  public static final class RateLimited extends ConnectorException {
    private final Instant resetAt;

    public RateLimited(String message, Instant resetAt) {
      super(message);
      this.resetAt = resetAt;
    }

    public Instant resetAt() {
      return resetAt;
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
