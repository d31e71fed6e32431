package io.earshot.connector.x;

import io.earshot.connector.ConnectorException;
import java.time.Instant;
import twitter4j.TwitterException;
import twitter4j.v1.RateLimitStatus;

/** Maps Twitter4J's exceptions to the runner's typed failures. */
final class XFailures {
  static final int DUPLICATE_STATUS = 187;
  private static final long DEFAULT_BACKOFF_SECONDS = 900;

  private XFailures() {
  }

  static Throwable map(Throwable error, String what) {
    if (error instanceof ConnectorException) {
      return error;
    }
    if (!(error instanceof TwitterException te)) {
      return new ConnectorException.Transient(what + " failed: " + error, error);
    }
    String detail = what + " answered " + te.getStatusCode() + " (code " + te.getErrorCode() + "): "
        + te.getErrorMessage();
    if (te.getStatusCode() == 429 || te.getErrorCode() == 88) {
      return new ConnectorException.RateLimited(detail, resetAt(te));
    }
    if (te.getStatusCode() == 401 || (te.getStatusCode() == 403 && te.getErrorCode() == 453)) {
      return new ConnectorException.Unauthorized(detail);
    }
    if (te.isCausedByNetworkIssue() || te.getStatusCode() >= 500 || te.getStatusCode() <= 0) {
      return new ConnectorException.Transient(detail, te);
    }
    return new ConnectorException.Rejected(detail);
  }

  static boolean isDuplicate(Throwable error) {
    return error instanceof TwitterException te && te.getErrorCode() == DUPLICATE_STATUS;
  }

  /**
   * getRetryAfter() is only meaningful for the old search API's 420, so on 429 the window end
   * comes from the x-rate-limit-reset header (epoch seconds) that Twitter4J keeps.
   */
  private static Instant resetAt(TwitterException te) {
    RateLimitStatus status = te.getRateLimitStatus();
    if (status != null && status.getResetTimeInSeconds() > 0) {
      return Instant.ofEpochSecond(status.getResetTimeInSeconds());
    }
    String header = te.getResponseHeader("x-rate-limit-reset");
    try {
      return Instant.ofEpochSecond(Long.parseLong(header));
    } catch (RuntimeException missing) {
      return Instant.now().plusSeconds(DEFAULT_BACKOFF_SECONDS);
    }
  }
}
