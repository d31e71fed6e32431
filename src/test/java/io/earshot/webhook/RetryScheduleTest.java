package io.earshot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The webhook retry schedule")
class RetryScheduleTest {
  private static final RetrySchedule DEFAULTS = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1),
      Duration.ofHours(24));
  private static final Instant SINCE = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  @DisplayName("waits 5 s after the first failure and doubles, never more than an hour")
  void doublesUpToMax() {
    assertEquals(Duration.ofSeconds(5), DEFAULTS.delay(1));
    assertEquals(Duration.ofSeconds(10), DEFAULTS.delay(2));
    assertEquals(Duration.ofSeconds(2560), DEFAULTS.delay(10));
    assertEquals(Duration.ofHours(1), DEFAULTS.delay(11));
    assertEquals(Duration.ofHours(1), DEFAULTS.delay(500), "no overflow however many attempts");
  }

  @Test
  @DisplayName("gives up at the first failure 24 h after the round began: 34 attempts, the last 24 h 25 min in")
  void givesUpAfterADay() {
    Instant at = SINCE;
    int attempts = 1;
    Optional<Instant> next = DEFAULTS.next(attempts, SINCE, at);
    while (next.isPresent()) {
      at = next.get();
      attempts++;
      next = DEFAULTS.next(attempts, SINCE, at);
    }
    assertEquals(34, attempts);
    assertEquals(Duration.ofSeconds(87_915), Duration.between(SINCE, at));
  }

  @Test
  @DisplayName("a failure just before the deadline is still retried; one at the deadline is not")
  void deadlineEdge() {
    assertTrue(DEFAULTS.next(3, SINCE, SINCE.plus(Duration.ofHours(24)).minusMillis(1)).isPresent());
    assertTrue(DEFAULTS.next(3, SINCE, SINCE.plus(Duration.ofHours(24))).isEmpty());
  }
}
