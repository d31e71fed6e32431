package io.earshot.domain.broadcast;

import java.time.Duration;
import java.time.Instant;

/**
 * A platform's posting limit for one account, {@code limit} requests in any {@code window}, kept
 * as a token bucket in its generic-cell-rate form: one instant per account (the theoretical
 * arrival time, {@code tat}) holds its whole state. A burst of {@link #burst()} may go at once and
 * the rest follows at an even rate chosen so that burst plus rate never exceeds {@code limit} in
 * any window, fixed or sliding: the platform's own count never trips.
 */
public record Pace(int limit, Duration window) {
  public Pace {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a pace needs a limit of at least 1 in a positive window");
    }
  }

  /** What one request asks of the bucket: {@code allowed} with the bucket's next {@code tat}, or when to ask again. */
  public record Admission(boolean allowed, Instant tat, Instant retryAt) {
  }

  /** A tenth of the limit may go at once (at least one). */
  public int burst() {
    return Math.max(1, limit / 10);
  }

  /** The even spacing after the burst: window / (limit − burst), so burst + window / spacing ≤ limit. */
  public Duration spacing() {
    int paced = Math.max(1, limit - burst());
    return window.dividedBy(paced);
  }

  /** Admits one request at {@code now} given the stored {@code tat} (null: an unused bucket). */
  public Admission admit(Instant tat, Instant now) {
    Instant base = tat == null || tat.isBefore(now) ? now : tat;
    Duration tolerance = spacing().multipliedBy(burst() - 1L);
    Instant earliest = base.minus(tolerance);
    if (earliest.isAfter(now)) {
      return new Admission(false, tat, earliest);
    }
    return new Admission(true, base.plus(spacing()), now);
  }
}
