package io.earshot.runtime;

import io.earshot.broadcast.BroadcastRunner;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The broadcast runner on a context of its own: its rounds (posts, paced notices, finishing) take
 * this verticle's context as their owner; wake-ups from the HTTP verticles hop onto it.
 */
public final class BroadcastVerticle extends VerticleBase {
  private final BroadcastRunner runner;

  public BroadcastVerticle(BroadcastRunner runner) {
    this.runner = runner;
  }

  @Override
  public Future<?> start() {
    runner.start();
    return Future.succeededFuture();
  }

  /** The lease is given back, so another instance takes over at once. */
  @Override
  public Future<?> stop() {
    return runner.stop();
  }
}
