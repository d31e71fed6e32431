package io.earshot.engagement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engagement schedule")
class EngagementScheduleTest {
  private static final EngagementSchedule DEFAULT = new EngagementSchedule(List.of(Duration.ofMinutes(5),
      Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7)));
  private static final Instant SENT = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  @DisplayName("a post is read once past each age, never between two ages, and never after the last")
  void thinsOut() {
    assertFalse(DEFAULT.due(SENT, null, SENT.plusSeconds(299)), "too young");
    assertTrue(DEFAULT.due(SENT, null, SENT.plusSeconds(300)));
    Instant read = SENT.plusSeconds(301);
    assertFalse(DEFAULT.due(SENT, read, SENT.plusSeconds(1800)), "read since it passed 5 min");
    assertTrue(DEFAULT.due(SENT, read, SENT.plus(Duration.ofHours(1))));
    assertTrue(DEFAULT.due(SENT, read, SENT.plus(Duration.ofDays(3))), "missed ages are caught up once");
    assertFalse(DEFAULT.due(SENT, SENT.plus(Duration.ofDays(7)), SENT.plus(Duration.ofDays(30))), "past the last age");
  }
}
