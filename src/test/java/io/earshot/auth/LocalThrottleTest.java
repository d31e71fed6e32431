package io.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory sign-in throttle (Redis's stand-in)")
class LocalThrottleTest {
  private static final ThrottlePolicy POLICY = new ThrottlePolicy(20, 100, Duration.ofMinutes(1),
      Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1));
  private final MutableClock clock = new MutableClock();
  private final LocalThrottle throttle = new LocalThrottle(POLICY, clock);

  @Test
  @DisplayName("twenty attempts a minute pass for an account; the 21st waits a minute")
  void twentyFirstWaits() {
    for (int i = 0; i < 20; i++) {
      assertEquals(Duration.ZERO, attempt("ann", "10.0.0." + i), "attempt " + (i + 1));
    }
    assertEquals(Duration.ofMinutes(1), attempt("ann", "10.0.1.1"));
    assertEquals(Duration.ZERO, attempt("bob", "10.0.1.1"), "another account is not held up");
  }

  @Test
  @DisplayName("each further wait doubles, up to the cap, and ends by itself")
  void waitsDoubleUpToCap() {
    Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
        Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)};
    for (Duration wait : expected) {
      for (int i = 0; i < 20; i++) {
        assertEquals(Duration.ZERO, attempt("ann", "10.0.0.1"));
      }
      assertEquals(wait, attempt("ann", "10.0.0.1"));
      clock.advance(wait);
    }
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 20; i++) {
      attempt("ann", "10.0.0.1");
    }
    assertEquals(Duration.ofMinutes(1), attempt("ann", "10.0.0.1"), "an hour without waits is forgotten");
  }

  @Test
  @DisplayName("the count starts again in the next window")
  void windowsRestart() {
    for (int i = 0; i < 20; i++) {
      attempt("ann", "10.0.0.1");
    }
    clock.advance(Duration.ofSeconds(61));
    assertEquals(Duration.ZERO, attempt("ann", "10.0.0.1"));
  }

  @Test
  @DisplayName("a correct password clears its address's and its account's count")
  void successResets() {
    for (int i = 0; i < 19; i++) {
      attempt("ann", "10.0.0.1");
    }
    throttle.succeeded("ann", "10.0.0.1");
    for (int i = 0; i < 20; i++) {
      assertEquals(Duration.ZERO, attempt("ann", "10.0.0.1"));
    }
  }

  @Test
  @DisplayName("one address guessing many accounts waits after its own limit")
  void addressLimit() {
    for (int i = 0; i < 100; i++) {
      assertEquals(Duration.ZERO, attempt("user" + i, "203.0.113.9"));
    }
    assertEquals(Duration.ofMinutes(1), attempt("user-next", "203.0.113.9"));
    assertEquals(Duration.ZERO, attempt("user-next", "203.0.113.10"));
  }

  @Test
  @DisplayName("memory stays bounded however many names are tried")
  void bounded() {
    for (int i = 0; i < LocalThrottle.MAX_ENTRIES; i++) {
      assertEquals(Duration.ZERO, attempt("user" + i, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)));
      assertTrue(throttle.tracked() <= LocalThrottle.MAX_ENTRIES, "tracked " + throttle.tracked());
    }
    clock.advance(Duration.ofHours(2));
    for (int i = 0; i < LocalThrottle.MAX_ENTRIES / 2; i++) {
      attempt("late" + i, "192.0.2.1");
    }
    assertTrue(throttle.tracked() <= LocalThrottle.MAX_ENTRIES / 2 + 2, "expired entries were dropped first: "
        + throttle.tracked());
  }

  private Duration attempt(String account, String address) {
    return throttle.attempt(account, address).result();
  }
}
