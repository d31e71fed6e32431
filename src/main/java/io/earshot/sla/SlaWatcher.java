package io.earshot.sla;

import io.earshot.domain.sla.SlaLifecycle;
import io.earshot.domain.sla.SlaPolicy;
import io.earshot.redis.Lease;
import io.earshot.store.CaseStore;
import io.earshot.store.SlaDueStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@code case.sla_warning} and {@code case.sla_breached} when a running target reaches its
 * warning share or its due time, once per target: the lifecycle marks the target in the same
 * conditional write that stages the event, so a restart, a second instance or a redelivery
 * never tells it again. One instance watches at a time (a Redis lease); it reads only the
 * {@code sla_due} entries that are due, never the whole {@code cases} collection.
 */
public final class SlaWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);
  private static final int PER_ROUND = 500;
  private static final int ATTEMPTS = 3;
  private final Vertx vertx;
  private final CaseStore cases;
  private final SlaDueStore due;
  private final SlaPolicies policies;
  private final SlaChanges changes;
  private final Lease lease;
  private final Clock clock;
  private long timer = -1;

  SlaWatcher(Vertx vertx, CaseStore cases, SlaDueStore due, SlaPolicies policies, SlaChanges changes, Lease lease,
             Clock clock) {
    this.vertx = vertx;
    this.cases = cases;
    this.due = due;
    this.policies = policies;
    this.changes = changes;
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> lease.acquireOrRenew()
        .compose(held -> held ? watch(clock.instant()) : Future.succeededFuture(0))
        .onFailure(e -> LOG.warn("SLA watch failed: {}", e.toString())));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round as of {@code now}; answers how many warnings and breaches were told. */
  public Future<Integer> watch(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return Future.all(policies.get(), due.due(at, PER_ROUND)).compose(both -> {
      SlaPolicy policy = both.resultAt(0);
      List<String> ids = both.resultAt(1);
      Future<Integer> told = Future.succeededFuture(0);
      for (String id : ids) {
        told = told.compose(n -> StaleWrite.retry(ATTEMPTS, () -> checkOne(id, policy, at)).map(k -> n + k)
            .recover(e -> {
              LOG.warn("case={} SLA check failed: {}", id, e.toString());
              return Future.succeededFuture(n);
            }));
      }
      return told;
    });
  }

  private Future<Integer> checkOne(String id, SlaPolicy policy, Instant now) {
    return cases.get(id).compose(c -> {
      if (c == null || c.sla() == null) {
        return changes.reschedule(id, null).map(0);
      }
      if (policy.forBrand(c.brand()).isEmpty()) {
        // The brand's SLA was removed: its clocks stop instead of breaching against a policy gone.
        return changes.save(c, null, List.of(), now).map(0);
      }
      SlaLifecycle.Checked checked = SlaLifecycle.check(c.sla(), now);
      if (checked.alerts().isEmpty() && Objects.equals(checked.clock(), c.sla())) {
        return changes.reschedule(id, c.sla()).map(0);
      }
      return changes.save(c, checked.clock(), checked.alerts(), now)
          .compose(saved -> changes.reschedule(id, saved.sla()).map(checked.alerts().size()));
    });
  }
}
