package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.Priority;
import io.earshot.domain.Triage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the triage engine")
class TriageEngineTest {
  static final List<String> TEXTS = List.of(
      "@airline still waiting for my refund, third time asking",
      "@bank thank you so much, the fraud team was brilliant 🙌",
      "@telco is there an outage in Leeds?",
      "I can't log in and my card was declined. call my lawyer",
      "so goooood :) but the delivery was LATE!!!");

  @Test
  @DisplayName("scoring from many threads at once gives exactly the sequential results")
  void threadSafe() throws Exception {
    TriageEngine engine = TriageEngine.withDefaults();
    List<Triage> expected = TEXTS.stream().map(t -> engine.score(ScoringInput.ofText(t))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Triage>>> runs = new java.util.ArrayList<>();
      for (int r = 0; r < 8; r++) {
        runs.add(pool.submit(() -> {
          List<Triage> last = null;
          for (int k = 0; k < 500; k++) {
            last = TEXTS.stream().map(t -> engine.score(ScoringInput.ofText(t))).toList();
          }
          return last;
        }));
      }
      for (Future<List<Triage>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("rescoring a case with no earlier priority gives the waiting signal alone")
  void rescoreWithoutPriority() {
    Priority p = TriageEngine.withDefaults().rescore(null, Duration.ofHours(2));
    assertEquals(1, p.signals().size());
    assertEquals("waiting", p.signals().get(0).name());
  }
}
