package io.earshot.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling after
 * each further one up to {@code max}, until {@code giveUpAfter} has passed since the round began.
 * With the defaults (5 s, 1 h, 24 h) the pauses are 5 s, 10 s, 20 s … 42 min 40 s, then hourly:
 * 34 attempts in all, the last about 24 h 25 min after the first.
 */
public record RetrySchedule(Duration first, Duration max, Duration giveUpAfter) {

  /** The pause after the {@code attempts}-th failed attempt of a round (1-based). */
  public Duration delay(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 30));
    long millis = first.toMillis() << doublings;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }

  /** When to try again after the {@code attempts}-th failure of a round begun at {@code since}; empty to give up. */
  public Optional<Instant> next(int attempts, Instant since, Instant now) {
    if (!now.isBefore(since.plus(giveUpAfter))) {
      return Optional.empty();
    }
    return Optional.of(now.plus(delay(attempts)));
  }
}
