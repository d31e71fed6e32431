package io.earshot.runtime;

import io.earshot.events.EventRelay;
import io.earshot.inbox.PriorityRefresher;
import io.earshot.ingest.ThreadingRecovery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic sweeps, on one context: the event relay (deliveries a crash or a failing durable
 * listener left), the threading recovery sweep (ingest batches another instance left unfinished)
 * and the priority refresh of waiting cases. Each round is a chain of store calls; none blocks.
 */
public final class MaintenanceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceVerticle.class);
  /** How often the event queue is checked for deliveries a crash or a failing listener left. */
  private static final Duration EVENT_RELAY = Duration.ofSeconds(5);
  /** How often journal entries older than the recovery's grace are finished. */
  private static final Duration RECOVERY_SWEEP = Duration.ofSeconds(30);
  /** How often waiting cases have their priority recomputed. */
  public static final Duration PRIORITY_REFRESH = Duration.ofSeconds(60);
  private final EventRelay relay;
  private final ThreadingRecovery recovery;
  private final PriorityRefresher refresher;
  private long recoveryTimer = -1;

  public MaintenanceVerticle(EventRelay relay, ThreadingRecovery recovery, PriorityRefresher refresher) {
    this.relay = relay;
    this.recovery = recovery;
    this.refresher = refresher;
  }

  @Override
  public Future<?> start() {
    relay.start(EVENT_RELAY);
    recoveryTimer = vertx.setPeriodic(RECOVERY_SWEEP.toMillis(), id -> recovery.sweep()
        .onFailure(e -> LOG.warn("threading recovery failed: {}", e.toString())));
    refresher.start(PRIORITY_REFRESH);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    refresher.stop();
    vertx.cancelTimer(recoveryTimer);
    relay.stop();
    return Future.succeededFuture();
  }
}
