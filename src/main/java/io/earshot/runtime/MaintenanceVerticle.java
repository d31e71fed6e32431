package io.earshot.runtime;

import io.earshot.events.EventRelay;
import io.earshot.inbox.PriorityRefresher;
import io.earshot.ingest.ThreadingRecovery;
import io.earshot.publish.ApprovalEscalations;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic sweeps, on one context: the event relay (deliveries a crash or a failing durable
 * listener left), the threading recovery sweep (ingest batches another instance left unfinished)
 * the priority refresh of waiting cases and the escalation of replies waiting too long for approval. Each round is a chain of store calls; none blocks.
 */
public final class MaintenanceVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceVerticle.class);
  /** How often the event queue is checked for deliveries a crash or a failing listener left. */
  private static final Duration EVENT_RELAY = Duration.ofSeconds(5);
  /** How often journal entries older than the recovery's grace are finished. */
  private static final Duration RECOVERY_SWEEP = Duration.ofSeconds(30);
  /** How often waiting cases have their priority recomputed. */
  public static final Duration PRIORITY_REFRESH = Duration.ofSeconds(60);
  /** How often held replies are checked against their rule's escalation time. */
  public static final Duration ESCALATION_CHECK = Duration.ofSeconds(15);
  private final EventRelay relay;
  private final ThreadingRecovery recovery;
  private final PriorityRefresher refresher;
  private final ApprovalEscalations escalations;
  private long recoveryTimer = -1;

  public MaintenanceVerticle(EventRelay relay, ThreadingRecovery recovery, PriorityRefresher refresher,
                             ApprovalEscalations escalations) {
    this.relay = relay;
    this.recovery = recovery;
    this.refresher = refresher;
    this.escalations = escalations;
  }

  @Override
  public Future<?> start() {
    relay.start(EVENT_RELAY);
    recoveryTimer = vertx.setPeriodic(RECOVERY_SWEEP.toMillis(), id -> recovery.sweep()
        .onFailure(e -> LOG.warn("threading recovery failed: {}", e.toString())));
    refresher.start(PRIORITY_REFRESH);
    escalations.start(ESCALATION_CHECK);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    refresher.stop();
    escalations.stop();
    vertx.cancelTimer(recoveryTimer);
    relay.stop();
    return Future.succeededFuture();
  }
}
