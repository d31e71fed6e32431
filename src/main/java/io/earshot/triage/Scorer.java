package io.earshot.triage;

import io.earshot.domain.Priority;
import io.earshot.domain.Triage;
import java.time.Duration;

/**
 * Scores a mention for sentiment, contact reasons and priority. Implementations are pure CPU,
 * thread-safe and fast enough to run inline on the ingest hot path; they never throw on odd
 * text (empty, binary, huge), they score it as best they can.
 */
public interface Scorer {

  Triage score(ScoringInput input);

  /**
   * The priority of an unanswered case after it has waited {@code waiting}: only the
   * time-waiting signal changes, the others are kept as they were explained.
   */
  Priority rescore(Priority current, Duration waiting);

  /**
   * Loads what a first score would load (models read once per process), so that cost is paid
   * at start on a worker and never by the ingest event loop. Blocking; idempotent.
   */
  default void warmUp() {
  }
}
