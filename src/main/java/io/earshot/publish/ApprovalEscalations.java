package io.earshot.publish;

import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.redis.Lease;
import io.earshot.store.ReplyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held replies that waited past their rule's escalation time are escalated once: the lifecycle
 * marks them and tells {@code reply.escalated}, which the dashboards of every approver show. One
 * instance looks at a time (a Redis lease).
 */
public final class ApprovalEscalations {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalEscalations.class);
  private static final int PER_ROUND = 500;
  private final Vertx vertx;
  private final ReplyStore replies;
  private final ReplyChanges changes;
  private final Lease lease;
  private final Clock clock;
  private long timer = -1;

  public ApprovalEscalations(Vertx vertx, PublishStores stores, Lease lease, Clock clock) {
    this.vertx = vertx;
    this.replies = stores.replies();
    this.changes = new ReplyChanges(stores);
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> lease.acquireOrRenew()
        .compose(held -> held ? escalate(clock.instant()) : Future.succeededFuture(0))
        .onFailure(e -> LOG.warn("approval escalation failed: {}", e.toString())));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round as of {@code now}; answers how many replies were escalated. */
  public Future<Integer> escalate(Instant now) {
    return replies.pendingApproval(PER_ROUND).compose(pending -> {
      Future<Integer> escalated = Future.succeededFuture(0);
      for (Reply r : pending) {
        escalated = escalated.compose(n -> escalateOne(r, now).map(done -> done ? n + 1 : n));
      }
      return escalated;
    });
  }

  private Future<Boolean> escalateOne(Reply r, Instant now) {
    var decision = ReplyLifecycle.escalate(r, now);
    if (!decision.changed()) {
      return Future.succeededFuture(false);
    }
    // Decided meanwhile (approved, rejected): nothing left to escalate.
    return changes.save(r, decision).map(true)
        .recover(e -> e instanceof StaleWrite ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
