package io.earshot.problem.detect;

import io.earshot.error.DomainError;
import java.time.Duration;

/**
 * When a count is a spike, for one brand: at least {@code minCount} mentions in the rolling
 * {@code windowMinutes}, and at least {@code ratio} times the expected level for that hour of the
 * week, never expecting less than {@code floor} (a cold start with no history would otherwise
 * expect nothing); the mentions of the excess must span {@code persistSeconds} of their own time,
 * so a dump of posts in one instant does not alert. A fall of the window's average sentiment
 * by {@code sentimentDrop} or more below the brand's usual average (with {@code minCount}
 * mentions) is a spike too.
 */
public record Thresholds(int windowMinutes, int minCount, double ratio, double floor, int persistSeconds,
                         double sentimentDrop) {
  public static final Thresholds DEFAULTS = new Thresholds(15, 8, 3.0, 1.0, 30, 0.6);

  public Thresholds {
    check(windowMinutes >= 1 && windowMinutes <= 240, "windowMinutes", "must be from 1 to 240");
    check(minCount >= 2 && minCount <= 100_000, "minCount", "must be from 2 to 100000");
    check(ratio >= 1.0 && ratio <= 1000, "ratio", "must be from 1 to 1000");
    check(floor >= 0.1 && floor <= 100_000, "floor", "must be from 0.1 to 100000");
    check(persistSeconds >= 0 && persistSeconds <= 3600, "persistSeconds", "must be from 0 to 3600");
    check(sentimentDrop > 0 && sentimentDrop <= 2, "sentimentDrop", "must be above 0 and at most 2");
  }

  public Duration window() {
    return Duration.ofMinutes(windowMinutes);
  }

  public Duration persistence() {
    return Duration.ofSeconds(persistSeconds);
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw new DomainError.Invalid(field, message);
    }
  }
}
