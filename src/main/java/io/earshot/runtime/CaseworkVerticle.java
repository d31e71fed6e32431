package io.earshot.runtime;

import io.earshot.casework.Casework;
import io.earshot.casework.SnoozeWaker;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The snooze wake-up's rounds, on a context of their own (the waker takes its Redis lease each round). */
public final class CaseworkVerticle extends VerticleBase {
  private final SnoozeWaker waker;

  public CaseworkVerticle(SnoozeWaker waker) {
    this.waker = waker;
  }

  @Override
  public Future<?> start() {
    waker.start(Casework.SNOOZE_CHECK);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    waker.stop();
    return Future.succeededFuture();
  }
}
