package io.earshot.runtime;

import io.earshot.problem.detect.DetectionEvaluator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/**
 * The spike detector's rounds, on one context of their own (the detector's state is
 * single-threaded): every second, on every instance; only the lease holder evaluates.
 */
public final class DetectionVerticle extends VerticleBase {
  public static final Duration ROUND = Duration.ofSeconds(1);
  private final DetectionEvaluator evaluator;

  public DetectionVerticle(DetectionEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Future<?> start() {
    evaluator.start(vertx, ROUND);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return evaluator.stop();
  }
}
