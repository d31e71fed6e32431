package io.earshot.casework;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.Decision;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.redis.Lease;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.SnoozeStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snoozed cases return when their time comes: every round, the holder of the Redis lease
 * {@code earshot:lease:snooze-wake} (one instance at a time) reads the due entries of
 * {@link SnoozeStore}, and for each case still snoozed past its time lets {@link CaseLifecycle#wake}
 * open it ({@code case.snooze_ended}), stored only over the version read. A case the customer
 * or an agent brought back first is simply forgotten. A round fails only with a store's error.
 */
public final class SnoozeWaker {
  private static final Logger LOG = LoggerFactory.getLogger(SnoozeWaker.class);
  private static final int PER_ROUND = 500;
  private final Vertx vertx;
  private final CaseStore cases;
  private final SnoozeStore snoozes;
  private final EventDispatcher events;
  private final Lease lease;
  private final Clock clock;
  private long timer = -1;

  public SnoozeWaker(Vertx vertx, CaseStore cases, SnoozeStore snoozes, EventDispatcher events, Lease lease,
                     Clock clock) {
    this.vertx = vertx;
    this.cases = cases;
    this.snoozes = snoozes;
    this.events = events;
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> lease.acquireOrRenew()
        .compose(held -> held ? wake(clock.instant()) : Future.succeededFuture(0))
        .onFailure(e -> LOG.warn("snooze wake-up failed: {}", e.toString())));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round as of {@code now}; answers how many cases returned. */
  public Future<Integer> wake(Instant now) {
    return snoozes.due(now, PER_ROUND).compose(due -> {
      Future<Integer> woken = Future.succeededFuture(0);
      for (SnoozeStore.Due d : due) {
        woken = woken.compose(n -> wakeOne(d, now).map(done -> done ? n + 1 : n));
      }
      return woken;
    });
  }

  private Future<Boolean> wakeOne(SnoozeStore.Due due, Instant now) {
    return cases.get(due.caseId()).compose(c -> {
      if (c != null && c.isSnoozed() && c.snoozedUntil().isAfter(now)) {
        return Future.succeededFuture(false); // snoozed again, for later: its own entry says when
      }
      Decision<CareCase> decision = c == null ? Decision.unchanged(null) : CaseLifecycle.wake(c, now);
      if (!decision.changed()) {
        return snoozes.forget(due.caseId(), due.until()).map(false); // gone, or back already
      }
      return save(c, decision).compose(woke -> woke
          ? snoozes.forget(due.caseId(), due.until()).map(true) : Future.succeededFuture(false));
    });
  }

  /**
   * False when the case changed meanwhile (the customer wrote, an agent tagged it): its entry
   * stays, and the next round decides again on what it reads then.
   */
  private Future<Boolean> save(CareCase c, Decision<CareCase> decision) {
    Change change = Change.of(MongoStore.CASES, c.id(), decision.events());
    return events.apply(change, () -> cases.save(decision.state(), c.version(), change.id())).map(true)
        .recover(e -> e instanceof StaleWrite ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
