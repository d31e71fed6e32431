package io.earshot.runtime;

import io.earshot.sla.Slas;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** The SLA watcher's timer, on a context of its own so its rounds never wait behind other sweeps. */
public final class SlaVerticle extends VerticleBase {
  private final Slas slas;

  public SlaVerticle(Slas slas) {
    this.slas = slas;
  }

  @Override
  public Future<?> start() {
    slas.watcher().start(slas.watchEvery());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    slas.watcher().stop();
    return Future.succeededFuture();
  }
}
