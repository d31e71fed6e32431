package io.earshot.runtime;

import io.earshot.assign.AutoAssigner;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/** Auto-assignment rounds on their own context, every {@code every} (only the lease holder assigns). */
public final class RoutingVerticle extends VerticleBase {
  private final AutoAssigner assigner;
  private final Duration every;

  public RoutingVerticle(AutoAssigner assigner, Duration every) {
    this.assigner = assigner;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    assigner.start(every);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    assigner.stop();
    return Future.succeededFuture();
  }
}
