package io.earshot.problem.detect;

import io.earshot.domain.event.ProblemEvents.AlertRaised;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.problem.Alert;
import io.earshot.redis.Lease;
import io.earshot.store.AlertStore;
import io.earshot.store.DetectionFactStore;
import io.earshot.store.DetectionPolicyStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SpikeDetector} on the one instance holding the Redis lease
 * {@code earshot:lease:detection}: on taking the lease it rebuilds the detector from every stored
 * fact (the backfilled history is the baseline) and the alerts already raised; then every round
 * it reads the facts stored since (with a little overlap, the detector ignores repeats), judges
 * what is due, and raises each new alert once: stored under its derived id and told as
 * {@code alert.raised}. An instance that loses the lease drops its detector. Each finished round
 * is told on the local event bus at {@link #ROUNDS}, so that a test can wait for rounds to have
 * run instead of sleeping for as long as it guesses they take.
 */
public final class DetectionEvaluator {
  /** Local event-bus address told, after each finished round, how many alerts it raised. */
  public static final String ROUNDS = "earshot.detection.rounds";
  private static final Logger LOG = LoggerFactory.getLogger(DetectionEvaluator.class);
  /** Facts written by other instances may commit a little out of order: read back this far. */
  private static final Duration OVERLAP = Duration.ofSeconds(3);
  private final DetectionFactStore facts;
  private final AlertStore alerts;
  private final DetectionPolicyStore policies;
  private final EventDispatcher dispatcher;
  private final Lease lease;
  private final Clock clock;
  private volatile DetectionPolicy policy = DetectionPolicy.DEFAULT;
  private SpikeDetector detector;
  private Instant cursor;
  private boolean running;
  private long timer = -1;
  private Vertx vertx;

  /** A new alert with the same id as a stored one: the same spike, judged again. */
  private static final class Duplicate extends RuntimeException {
    Duplicate() {
      super(null, null, false, false);
    }
  }

  public DetectionEvaluator(DetectionFactStore facts, AlertStore alerts, DetectionPolicyStore policies,
                            EventDispatcher dispatcher, Lease lease, Clock clock) {
    this.facts = facts;
    this.alerts = alerts;
    this.policies = policies;
    this.dispatcher = dispatcher;
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Vertx vertx, Duration every) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(every.toMillis(), id -> round());
  }

  public Future<Void> stop() {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
    return detector == null ? Future.succeededFuture() : lease.release().recover(e -> Future.succeededFuture());
  }

  /** One round, unless the previous one is still running; answers how many alerts it raised. */
  public Future<Integer> round() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    return lease.acquireOrRenew().compose(held -> held ? evaluate() : standBy())
        .onSuccess(this::tellRound)
        .onFailure(e -> LOG.warn("detection round failed: {}", e.toString()))
        .onComplete(r -> running = false);
  }

  private void tellRound(int raised) {
    if (vertx != null) {
      vertx.eventBus().publish(ROUNDS, raised);
    }
  }

  private Future<Integer> standBy() {
    detector = null;
    return Future.succeededFuture(0);
  }

  private Future<Integer> evaluate() {
    return policies.get().compose(p -> {
      policy = p;
      return detector == null ? rebuild() : Future.succeededFuture();
    }).compose(v -> facts.forward(cursor == null ? null : cursor.minus(OVERLAP))).compose(batch -> {
      batch.facts().forEach(detector::add);
      cursor = batch.newestStored() == null ? cursor : batch.newestStored();
      return raise(detector.evaluate(clock.instant()));
    });
  }

  private Future<Void> rebuild() {
    SpikeDetector fresh = new SpikeDetector(brand -> policy.forBrand(brand));
    return alerts.recent(500).map(raised -> {
      raised.forEach(fresh::remember);
      detector = fresh;
      cursor = null;
      LOG.info("detection: this instance evaluates now ({} alerts known)", raised.size());
      return null;
    });
  }

  private Future<Integer> raise(List<Alert> found) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Alert a : found) {
      chain = chain.compose(n -> raiseOne(a).map(isNew -> n + (isNew ? 1 : 0)));
    }
    if (!found.isEmpty()) {
      detector.prune();
    }
    return chain;
  }

  private Future<Boolean> raiseOne(Alert a) {
    Change change = Change.of(AlertStore.ALERTS, a.id(), List.of(new AlertRaised(a, a.raisedAt())));
    return dispatcher.apply(change, () -> alerts.insertNew(a, change.id())
            .compose(isNew -> isNew ? Future.succeededFuture(true) : Future.<Boolean>failedFuture(new Duplicate())))
        .onSuccess(v -> LOG.info("alert={} kind={} brand={} reason={} phrase={} observed={} expected={} startedAt={}",
            a.id(), a.kind(), a.brand(), a.reason(), a.phrase(), a.observed(), a.expected(), a.startedAt()))
        .recover(e -> e instanceof Duplicate ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
