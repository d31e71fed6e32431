package io.earshot.inbox;

import io.earshot.domain.CareCase;
import io.earshot.domain.Priority;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.Decision;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.find.WaitingCases;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.earshot.redis.Lease;
import io.earshot.store.CaseStore;
import io.earshot.triage.Scorer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the priority of unanswered cases as they wait, so a complaint left for a day climbs
 * above fresh chatter. One instance does it at a time (a Redis lease); only the waiting signal
 * changes, and a case is written (and its {@code case.reprioritized} told) only when its priority moved.
 */
public final class PriorityRefresher {
  private static final Logger LOG = LoggerFactory.getLogger(PriorityRefresher.class);
  private static final int PER_ROUND = 500;
  private final Vertx vertx;
  private final CaseStore cases;
  private final WaitingCases waiting;
  private final Scorer scorer;
  private final EventDispatcher events;
  private final Lease lease;
  private final Clock clock;
  private long timer = -1;

  /** What a round reads and writes: the waiting cases (from the inbox index) and the cases to save. */
  public record Stores(WaitingCases waiting, CaseStore cases) {
  }

  public PriorityRefresher(Vertx vertx, Stores stores, Scorer scorer, EventDispatcher events, Lease lease, Clock clock) {
    this.vertx = vertx;
    this.cases = stores.cases();
    this.waiting = stores.waiting();
    this.scorer = scorer;
    this.events = events;
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> lease.acquireOrRenew()
        .compose(held -> held ? refresh(clock.instant()) : Future.succeededFuture(0))
        .onFailure(e -> LOG.warn("priority refresh failed: {}", e.toString())));
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round as of {@code now}; answers how many cases changed priority. */
  public Future<Integer> refresh(Instant now) {
    return waiting.oldestChangedFirst(PER_ROUND).compose(found -> {
      Future<Integer> changed = Future.succeededFuture(0);
      for (CareCase c : found) {
        changed = changed.compose(n -> refreshOne(c, now).map(moved -> moved ? n + 1 : n));
      }
      return changed;
    });
  }

  private Future<Boolean> refreshOne(CareCase c, Instant now) {
    if (c.lastMentionAt() == null) {
      return Future.succeededFuture(false);
    }
    Priority next = scorer.rescore(c.priority(), Duration.between(c.lastMentionAt(), now));
    Decision<CareCase> decision = CaseLifecycle.reprioritize(c, next, now);
    if (!decision.changed()) {
      return Future.succeededFuture(false);
    }
    Change change = Change.of(MongoStore.CASES, c.id(), decision.events());
    // A case that moved on meanwhile (answered, resolved) is simply left for the next round.
    return events.apply(change, () -> cases.save(decision.state(), c.version(), change.id())).map(true)
        .recover(e -> e instanceof StaleWrite ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
