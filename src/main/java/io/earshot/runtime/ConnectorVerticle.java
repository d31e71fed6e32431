package io.earshot.runtime;

import io.earshot.connector.ConnectorFleet;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Every connector account's poller on this verticle's context: leases, cursors, back-off and
 * the push channels. Stopping lets a page being stored finish before the leases are released.
 */
public final class ConnectorVerticle extends VerticleBase {
  private final ConnectorFleet fleet;

  public ConnectorVerticle(ConnectorFleet fleet) {
    this.fleet = fleet;
  }

  @Override
  public Future<?> start() {
    return fleet.start();
  }

  @Override
  public Future<?> stop() {
    return fleet.stop();
  }
}
