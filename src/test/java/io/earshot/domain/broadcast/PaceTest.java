package io.earshot.domain.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pacing a platform's limit")
class PaceTest {

  @Test
  @DisplayName("a tenth of the limit goes at once, then an even rate; no window of the limit's length ever holds more than the limit")
  void neverExceedsTheLimit() {
    Pace mastodon = new Pace(300, Duration.ofMinutes(5));
    assertEquals(30, mastodon.burst());
    Instant start = Instant.parse("2026-12-01T12:00:00Z");
    List<Instant> granted = new ArrayList<>();
    Instant tat = null;
    // Every 100 ms for an hour, take every token there is, as a greedy fan-out would.
    for (Instant now = start; now.isBefore(start.plus(Duration.ofHours(1))); now = now.plusMillis(100)) {
      Pace.Admission a = mastodon.admit(tat, now);
      while (a.allowed()) {
        granted.add(now);
        tat = a.tat();
        a = mastodon.admit(tat, now);
      }
      assertTrue(a.retryAt().isAfter(now));
    }
    assertEquals(30, granted.stream().filter(t -> t.equals(start)).count(), "the burst");
    int most = 0;
    for (int i = 0, j = 0; i < granted.size(); i++) {
      while (Duration.between(granted.get(j), granted.get(i)).compareTo(mastodon.window()) >= 0) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    assertTrue(most <= 300, "at most 300 in any 5 minutes, was " + most);
    assertTrue(most >= 290, "and close to it: " + most);
  }
}
