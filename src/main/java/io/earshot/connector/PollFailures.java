package io.earshot.connector;

import io.earshot.domain.ConnectorState;
import io.earshot.error.DomainError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed poll means for one account: the state to show and how long to wait.
 * Rate limits wait until the platform's reset time; bad credentials park the account as
 * unauthorized; our own store being down retries when it may be back, without growing the
 * platform's back-off; other faults back off exponentially up to a minute. Kept on the runner's
 * context, like the runner itself.
 */
final class PollFailures {
  private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Duration UNAUTHORIZED_RETRY = Duration.ofSeconds(60);

  /**
   * What to report and when to poll again. A null {@code retry} waits until {@code until}, measured
   * when the wait begins (after the report), so a slow report does not stretch a rate-limit wait.
   */
  record Verdict(ConnectorState state, String detail, Instant until, Duration retry, boolean credentialsRefused) {
    Duration wait(Clock clock) {
      return retry != null ? retry : Duration.between(clock.instant(), until);
    }
  }

  private final String account;
  private final Clock clock;
  private int failures;

  PollFailures(String account, Clock clock) {
    this.account = account;
    this.clock = clock;
  }

  /** A successful poll: the next fault starts the back-off from the beginning. */
  void reset() {
    failures = 0;
  }

  Verdict judge(Throwable error, Duration interval) {
    if (error instanceof ConnectorException.RateLimited limited) {
      Instant until = limited.resetAt() == null ? clock.instant().plus(interval) : limited.resetAt();
      return new Verdict(ConnectorState.RATE_LIMITED, limited.getMessage(), until, null, false);
    }
    if (error instanceof DomainError.Unavailable down) {
      // Our own store is down, not the platform: try again once it may be back, without growing
      // the platform's back-off (the outage is logged once where it is detected).
      Duration retry = Duration.ofSeconds(down.retryAfterSeconds());
      return new Verdict(ConnectorState.FAILING, down.getMessage(), clock.instant().plus(retry), retry, false);
    }
    if (error instanceof ConnectorException.Unauthorized) {
      return new Verdict(ConnectorState.UNAUTHORIZED, "credentials refused: " + error.getMessage(), null,
          UNAUTHORIZED_RETRY, true);
    }
    failures++;
    Duration backoff = backoff();
    LOG.warn("account={} poll failed (attempt {}), retrying in {}s: {}", account, failures,
        backoff.toSeconds(), error.toString());
    return new Verdict(ConnectorState.FAILING, error.getMessage(), clock.instant().plus(backoff), backoff, false);
  }

  private Duration backoff() {
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures, 6));
    return Duration.ofSeconds(seconds);
  }
}
