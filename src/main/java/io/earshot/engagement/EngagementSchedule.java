package io.earshot.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a brand post's engagement is read: at fixed ages after it was sent (by default 5 min, 1 h,
 * 6 h, 1 d and 7 d), thinning out as it ages, since most reactions come early. A post is due when
 * it has passed an age it was not measured at since; after the last age it is left alone.
 */
public record EngagementSchedule(List<Duration> ages) {
  public EngagementSchedule {
    if (ages.isEmpty()) {
      throw new IllegalArgumentException("an engagement schedule needs at least one age");
    }
    ages = List.copyOf(ages);
  }

  /** Whether a post sent at {@code sentAt} and last measured at {@code measuredAt} (null: never) is due at {@code now}. */
  public boolean due(Instant sentAt, Instant measuredAt, Instant now) {
    if (sentAt == null) {
      return false;
    }
    Instant passed = null;
    for (Duration age : ages) {
      Instant point = sentAt.plus(age);
      if (!point.isAfter(now)) {
        passed = point;
      }
    }
    return passed != null && (measuredAt == null || measuredAt.isBefore(passed));
  }

  /** How far back a post may have been sent and still be due. */
  public Duration horizon() {
    return ages.get(ages.size() - 1);
  }
}
