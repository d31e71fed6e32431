package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Engagement counts")
class EngagementTest {
  private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-12-01T11:00:00Z");

  @Test
  @DisplayName("added up, a count no platform gave stays 'not given', one that some gave is their sum")
  void plus() {
    Engagement mastodonOld = new Engagement(2, 1, 0, T1);
    Engagement bluesky = new Engagement(3, 0, 1, 4L, null, T2);
    Engagement x = new Engagement(1, 1, 1, 2L, 900L, T1);
    Engagement sum = mastodonOld.plus(bluesky).plus(x);
    assertEquals(new Engagement(6, 2, 2, 6L, 900L, T2), sum, "the latest reading's time");
    Engagement none = mastodonOld.plus(Engagement.none());
    assertNull(none.quotes());
    assertNull(none.impressions());
  }

  @Test
  @DisplayName("the same counts read at another time are the same; a quote or an impression more is a change")
  void sameCounts() {
    Engagement before = new Engagement(5, 2, 1, 0L, 100L, T1);
    assertTrue(before.sameCounts(before.at(T2)));
    assertFalse(before.sameCounts(new Engagement(5, 2, 1, 1L, 100L, T2)));
    assertFalse(before.sameCounts(new Engagement(5, 2, 1, 0L, 101L, T2)));
    assertFalse(before.sameCounts(new Engagement(5, 2, 1, T2)), "quotes no longer given is a change too");
  }
}
