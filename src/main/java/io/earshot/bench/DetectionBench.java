package io.earshot.bench;

import io.earshot.problem.Alert;
import io.earshot.problem.detect.Fact;
import io.earshot.problem.detect.SpikeDetector;
import io.earshot.problem.detect.Terms;
import io.earshot.problem.detect.Thresholds;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code earshot bench detection}: the spike detector on its own, in process, with the default
 * thresholds. A week of ordinary history (40 mentions an hour over five reasons) is replayed in
 * event order with processing time following event time, then a burst of "charged twice" posts
 * one every two seconds: detection latency is the time from the burst's first post to the alert.
 * Throughput is facts judged per CPU-second. The end-to-end figure through a real hub is
 * {@code DetectionIT}'s.
 */
final class DetectionBench {
  private static final String[] REASONS = {"delivery", "account", "product", "billing", "praise"};

  private DetectionBench() {
  }

  static int run(String[] args, PrintStream out) {
    Random random = new Random(7);
    SpikeDetector detector = new SpikeDetector(b -> Thresholds.DEFAULTS);
    Instant start = Instant.parse("2026-11-02T00:00:00Z");
    List<Fact> history = new ArrayList<>();
    for (int i = 0; i < 7 * 24 * 40; i++) {
      String reason = REASONS[random.nextInt(REASONS.length)];
      history.add(fact(i, reason, "a usual question about my " + reason, start.plusSeconds(90L * i + random.nextInt(90))));
    }
    history.sort(java.util.Comparator.comparing(Fact::createdAt));
    long cpu = System.nanoTime();
    for (Fact f : history) {
      detector.add(f);
      detector.evaluate(f.createdAt());
    }
    double factsPerSecond = history.size() / ((System.nanoTime() - cpu) / 1e9);
    Instant burst = start.plus(Duration.ofDays(7)).plus(Duration.ofHours(3));
    Duration latency = null;
    for (int i = 0; i < 60 && latency == null; i++) {
      Instant at = burst.plusSeconds(2L * i);
      detector.add(fact(1_000_000 + i, "billing", "I was charged twice for my subscription", at));
      List<Alert> alerts = detector.evaluate(at);
      if (alerts.stream().anyMatch(a -> "billing".equals(a.reason()))) {
        latency = Duration.between(burst, at);
      }
    }
    out.println(new JsonObject().put("bench", "detection").put("historyFacts", history.size())
        .put("factsJudgedPerSecond", Math.round(factsPerSecond)).put("burstPaceSeconds", 2)
        .put("detectionLatencySeconds", latency == null ? null : latency.toMillis() / 1000.0)
        .put("thresholds", new JsonObject().put("minCount", Thresholds.DEFAULTS.minCount())
            .put("persistSeconds", Thresholds.DEFAULTS.persistSeconds())).encode());
    return latency == null ? 1 : 0;
  }

  private static Fact fact(int n, String reason, String text, Instant at) {
    return new Fact("m" + n, "c" + n, "acme", List.of(reason), -0.1, Terms.pairs(text), at);
  }
}
