package io.earshot.problem.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.problem.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The spike detector judges in event time")
class SpikeDetectorTest {
  /** A Monday, 00:00 UTC. */
  private static final Instant WEEK = Instant.parse("2026-11-02T00:00:00Z");
  private final AtomicInteger seq = new AtomicInteger();
  private final SpikeDetector detector = new SpikeDetector(brand -> Thresholds.DEFAULTS);

  private Fact fact(String reason, Instant at) {
    int n = seq.incrementAndGet();
    return new Fact("m" + n, "c" + n, "acme", List.of(reason), -0.2, List.of(reason + " words"), at);
  }

  /** {@code n} facts of {@code reason}, evenly over {@code span} from {@code from}. */
  private void burst(String reason, Instant from, int n, Duration span) {
    for (int i = 0; i < n; i++) {
      detector.add(fact(reason, from.plusMillis(span.toMillis() * i / Math.max(1, n - 1))));
    }
  }

  /** Ordinary history: {@code busy} per hour from 09:00 to 12:00 each day, one an hour otherwise. */
  private void history(int days, int busy) {
    for (int d = 0; d < days; d++) {
      for (int h = 0; h < 24; h++) {
        Instant hour = WEEK.plus(Duration.ofDays(d)).plus(Duration.ofHours(h));
        int n = h >= 9 && h < 12 ? busy : 1;
        burst("billing", hour.plusSeconds(60), n, Duration.ofMinutes(58));
      }
    }
    detector.evaluate(WEEK.plus(Duration.ofDays(days)));
  }

  @Test
  @DisplayName("with no history at all, the floor keeps a handful of mentions from alerting; a real burst alerts")
  void coldStartFloor() {
    Instant t = WEEK.plus(Duration.ofHours(5));
    burst("billing", t, 5, Duration.ofSeconds(60));
    assertEquals(List.of(), detector.evaluate(t.plus(Duration.ofMinutes(5))));
    burst("billing", t.plusSeconds(61), 10, Duration.ofSeconds(60));
    List<Alert> alerts = detector.evaluate(t.plus(Duration.ofMinutes(5)));
    assertEquals(1, alerts.size(), alerts.toString());
    Alert a = alerts.get(0);
    assertEquals("billing", a.reason());
    assertTrue(a.observed() >= 8, "raised as soon as the window held minCount: " + a);
    assertEquals(1.0, a.expected());
    assertEquals("billing words", a.phrase());
  }

  @Test
  @DisplayName("a dump of posts in one instant is filtered by persistence; the same count over a minute alerts")
  void persistence() {
    Instant t = WEEK.plus(Duration.ofHours(5));
    burst("billing", t, 20, Duration.ZERO);
    assertEquals(List.of(), detector.evaluate(t.plus(Duration.ofMinutes(5))));
    burst("delivery", t, 20, Duration.ofSeconds(60));
    List<Alert> alerts = detector.evaluate(t.plus(Duration.ofMinutes(5)));
    assertEquals(1, alerts.size());
    assertEquals("delivery", alerts.get(0).reason());
  }

  @Test
  @DisplayName("the expected level is the one for that hour of the week: busy at ten is no spike, at three it is")
  void seasonalBaseline() {
    history(7, 40);
    Instant ten = WEEK.plus(Duration.ofDays(7)).plus(Duration.ofHours(10)).plusSeconds(120);
    burst("billing", ten, 18, Duration.ofMinutes(4));
    assertEquals(List.of(), detector.evaluate(ten.plus(Duration.ofMinutes(10))));
    Instant three = WEEK.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)).plusSeconds(120);
    burst("billing", three, 18, Duration.ofMinutes(4));
    List<Alert> alerts = detector.evaluate(three.plus(Duration.ofMinutes(10)));
    assertEquals(1, alerts.size());
    assertTrue(alerts.get(0).expected() < 2, "a quiet hour expects about one: " + alerts.get(0));
  }

  @Test
  @DisplayName("a hub only hours old already expects its recent level: steady traffic is no spike")
  void youngHistoryIsItsOwnBaseline() {
    burst("billing", WEEK, 120, Duration.ofHours(3));
    detector.evaluate(WEEK.plus(Duration.ofHours(3)));
    Instant t = WEEK.plus(Duration.ofHours(3)).plusSeconds(60);
    burst("billing", t, 12, Duration.ofMinutes(10));
    assertEquals(List.of(), detector.evaluate(t.plus(Duration.ofMinutes(11))), "about 10 are expected in 15 minutes");
  }

  @Test
  @DisplayName("mentions written hours apart but arriving at once are no spike: arrival time does not count")
  void arrivalTimeDoesNotCount() {
    history(7, 4);
    Instant from = WEEK.plus(Duration.ofDays(7)).plus(Duration.ofHours(1));
    burst("billing", from, 20, Duration.ofHours(6));
    assertEquals(List.of(), detector.evaluate(from.plus(Duration.ofHours(7))));
  }

  @Test
  @DisplayName("a burst caught up late is judged at the time it was written, and alerts once however often it comes")
  void catchUpAlertsOnce() {
    history(7, 4);
    Instant written = WEEK.plus(Duration.ofDays(7)).plus(Duration.ofHours(2));
    List<Fact> late = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      late.add(fact("billing", written.plusSeconds(3L * i)));
    }
    late.forEach(detector::add);
    Instant muchLater = written.plus(Duration.ofHours(3));
    List<Alert> alerts = detector.evaluate(muchLater);
    assertEquals(1, alerts.size(), alerts.toString());
    assertTrue(Duration.between(written, alerts.get(0).startedAt()).abs().compareTo(Duration.ofMinutes(1)) < 0,
        "started when written: " + alerts.get(0).startedAt());
    late.forEach(detector::add);
    for (int i = 0; i < 5; i++) {
      detector.add(fact("billing", written.plusSeconds(80 + i)));
    }
    assertEquals(List.of(), detector.evaluate(muchLater.plusSeconds(10)));
  }

  @Test
  @DisplayName("nothing is judged before processing time reaches it")
  void waitsForProcessingTime() {
    Instant t = WEEK.plus(Duration.ofHours(5));
    burst("billing", t, 20, Duration.ofSeconds(60));
    assertEquals(List.of(), detector.evaluate(t));
    assertEquals(1, detector.evaluate(t.plusSeconds(61)).size());
  }

  @Test
  @DisplayName("a sharp fall of the brand's average sentiment alerts as a sentiment spike")
  void sentimentFall() {
    for (int i = 0; i < 200; i++) {
      int n = seq.incrementAndGet();
      detector.add(new Fact("m" + n, "c" + n, "acme", List.of(), 0.4, List.of(), WEEK.plus(Duration.ofMinutes(20L * i))));
    }
    Instant t = WEEK.plus(Duration.ofDays(3));
    for (int i = 0; i < 10; i++) {
      int n = seq.incrementAndGet();
      detector.add(new Fact("m" + n, "c" + n, "acme", List.of(), -0.7, List.of(), t.plusSeconds(10L * i)));
    }
    List<Alert> alerts = detector.evaluate(t.plus(Duration.ofMinutes(5)));
    assertEquals(1, alerts.size(), alerts.toString());
    assertEquals(Alert.SENTIMENT, alerts.get(0).kind());
    assertEquals(-0.7, alerts.get(0).observed());
    assertEquals(0.4, alerts.get(0).expected());
  }
}
