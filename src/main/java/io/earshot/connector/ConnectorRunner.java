package io.earshot.connector;

import io.earshot.concurrent.Owner;
import io.earshot.connector.budget.AccountBudget;
import io.earshot.domain.ConnectorState;
import io.earshot.domain.Mention;
import io.earshot.ingest.IngestPipeline;
import io.earshot.redis.Lease;
import io.earshot.store.CursorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one account: only while this instance holds the account's Redis lease, from the cursor
 * stored in MongoDB, and saves the next cursor only after the pipeline has stored what was read
 * (invariant 3). What a failed poll waits for is {@link PollFailures}' decision (rate limits until
 * the platform's reset time, bad credentials parked as unauthorized without touching the others,
 * other faults backed off exponentially).
 * While holding the lease it also {@link Connector#watch watches} the platform's push channel
 * ({@link WakeUps}): a wake-up only brings the next poll forward and never shortens a rate-limit,
 * unauthorized or failure wait. Near its budget's warning level it polls four times less often and
 * does not chain pages; at a cap it waits like a rate limit.
 */
public final class ConnectorRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorRunner.class);
  private static final int BUDGET_SLOWDOWN = 4;
  private static final Duration DRAIN = Duration.ofSeconds(5);
  private final Vertx vertx;
  private final Connector connector;
  private final Lease lease;
  private final CursorStore cursors;
  private final IngestPipeline pipeline;
  private final StatusReporter reporter;
  private final AccountBudget budget;
  private final Clock clock;
  private boolean started;
  // Read by polling() from other threads (health, tests); everything else stays on the runner's context.
  private volatile boolean stopped;
  private volatile boolean holding;
  // An admin's switch (ConnectorSwitch) turned it off: no lease taken, no poll, no watch.
  private volatile boolean paused;
  private boolean inFlight;
  private final WakeUps wakeUps;
  private final PollFailures failures;
  private long timer = -1;
  private Future<Duration> current = Future.succeededFuture(Duration.ZERO);
  private long renewer = -1;
  /** The admin's switch as stored now; read when this instance wins the lease. */
  private final Supplier<Future<Boolean>> switchedOn;

  public ConnectorRunner(Vertx vertx, Connector connector, Lease lease, CursorStore cursors,
                         IngestPipeline pipeline, StatusBoard board, AccountBudget budget, Clock clock,
                         Supplier<Future<Boolean>> switchedOn) {
    this.vertx = vertx;
    this.switchedOn = switchedOn;
    this.connector = connector;
    this.lease = lease;
    this.cursors = cursors;
    this.pipeline = pipeline;
    this.reporter = new StatusReporter(board, connector.account());
    this.budget = budget;
    this.clock = clock;
    this.failures = new PollFailures(connector.account().name(), clock);
    this.wakeUps = new WakeUps(vertx, connector, clock);
  }

  /**
   * Starts polling. While holding the lease it is renewed every third of its lifetime, so a poll
   * interval longer than the lease never lets it lapse; a standby instance checks as often, so a
   * dead holder is replaced within about one lease lifetime.
   */
  public void start(boolean enabled) {
    renewer = vertx.setPeriodic(lease.ttl().toMillis() / 3, id -> renewIfHolding());
    if (enabled) {
      schedule(Duration.ZERO);
    } else {
      pause("disabled by an admin");
    }
  }

  /**
   * Stops polling until {@link #resume}: a page being stored finishes first (its cursor is
   * saved, so nothing is lost), then the lease is released and the account reported disabled.
   */
  public void pause(String detail) {
    if (paused || stopped) {
      return;
    }
    paused = true;
    vertx.cancelTimer(timer);
    unwatch();
    current.<Void>transform(ar -> holding ? lease.release().otherwiseEmpty() : Future.succeededFuture())
        .onComplete(v -> {
          holding = false;
          if (paused) {
            report(ConnectorState.DISABLED, detail, null);
          }
        });
  }

  /** Polls again from the stored cursor, at once (after the lease, like any start). */
  public void resume() {
    if (!paused || stopped) {
      return;
    }
    paused = false;
    reporter.forget();
    if (!inFlight) {
      schedule(Duration.ZERO);
    }
  }

  public boolean enabled() {
    return !paused;
  }

  private void renewIfHolding() {
    if (holding && !stopped && !paused) {
      lease.acquireOrRenew().onSuccess(held -> holding = held);
    }
  }

  /**
   * Stops polling. A page being stored is given a few seconds to finish first, so a graceful
   * shutdown does not cut an ingest batch in half (recovery would finish it, but only later).
   */
  public Future<Void> stop() {
    stopped = true;
    unwatch();
    vertx.cancelTimer(timer);
    vertx.cancelTimer(renewer);
    Future<Void> drained = current.<Void>transform(ar -> Future.succeededFuture())
        .timeout(DRAIN.toMillis(), TimeUnit.MILLISECONDS).recover(e -> Future.succeededFuture());
    // Bounded: a Redis that is already gone must not hold up shutdown; the lease expires anyway.
    return drained.compose(v -> holding ? lease.release().timeout(2, TimeUnit.SECONDS)
        .recover(e -> Future.succeededFuture()) : Future.succeededFuture());
  }

  private void schedule(Duration delay) {
    if (!stopped && !paused) {
      timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> tick());
    }
  }

  private void tick() {
    inFlight = true;
    current = lease.acquireOrRenew()
        .compose(held -> paused ? pausedTick(held) : held ? (holding ? pollOnce() : takeOver()) : standby())
        .onSuccess(this::scheduleNext)
        .onFailure(this::onError);
  }

  /** A wake-up that came in while polling gets one more poll now, whatever it read. */
  private void scheduleNext(Duration delay) {
    inFlight = false;
    schedule(wakeUps.pollAgain(holding) ? Duration.ZERO : delay);
  }

  /** Delays after an error are floors: a wake-up before them is dropped, the due poll catches up. */
  private void scheduleAfterError(Duration delay) {
    inFlight = false;
    wakeUps.waitAfterError(delay);
    schedule(delay);
  }

  /** Brings the next poll forward (on the runner's context). */
  private void pollSoon() {
    if (stopped || paused || !holding || wakeUps.tooEarly()) {
      return;
    }
    if (inFlight) {
      wakeUps.remember();
      return;
    }
    vertx.cancelTimer(timer);
    schedule(Duration.ZERO);
  }

  private void watch() {
    if (!stopped) {
      wakeUps.watch(this::pollSoon);
    }
  }

  private void unwatch() {
    wakeUps.unwatch();
  }

  private Future<Duration> standby() {
    if (holding) {
      LOG.info("account={} lease lost; another instance polls now", name());
    }
    holding = false;
    unwatch();
    reporter.forget();
    Duration check = lease.ttl().dividedBy(3);
    return Future.succeededFuture(check.compareTo(interval()) < 0 ? check : interval());
  }

  private Future<Duration> pollOnce() {
    holding = true;
    // The connector is shared with the publisher on another event loop; a Future it caches (a
    // start or a token renewal begun there) would complete there, so every answer comes back here.
    Future<Void> ready = started ? Future.succeededFuture() : budget.refresh().otherwiseEmpty()
        .compose(v -> Owner.onCaller(connector.start())).onSuccess(v -> started = true);
    ready = ready.onSuccess(v -> watch());
    return ready.compose(v -> cursors.load(name()))
        .compose(cursor -> Owner.onCaller(connector.poll(cursor)))
        .compose(page -> pipeline.offer(branded(page))
            .compose(result -> cursors.save(name(), page.nextCursor(), clock.instant(), page.newestCreatedAt()))
            .compose(v -> recordSuccess(page)));
  }

  private Future<Duration> recordSuccess(PollResult page) {
    failures.reset();
    reporter.polled(page.mentions().size(), page.skippedMalformed(), clock.instant());
    ConnectorState next = page.more() ? ConnectorState.LAGGING : ConnectorState.CONNECTED;
    Duration pause = paced();
    String detail = page.more() ? "catching up" : "polling every " + pause.toSeconds() + "s"
        + (pause.equals(interval()) ? "" : " (near its budget: " + BUDGET_SLOWDOWN + "× slower)");
    return report(next, detail, null).map(page.more() && !budget.tight() ? Duration.ZERO : pause);
  }

  /**
   * A lease just won. The holder that gave it up may have done so because an admin switched the
   * account off, which this instance learns only at its next read of the switches: ask the store
   * first, so a standby never polls in that gap. A failed read polls as before (the store being
   * down stops ingest anyway).
   */
  private Future<Duration> takeOver() {
    return switchedOn.get().otherwise(true).compose(on -> {
      if (on) {
        return pollOnce();
      }
      holding = true; // so that pause releases the lease just taken
      pause("disabled by an admin");
      return Future.succeededFuture(Duration.ZERO);
    });
  }

  /** Paused after the tick began: no poll; a lease just taken is released by {@link #pause}. */
  private Future<Duration> pausedTick(boolean held) {
    holding = held;
    return Future.succeededFuture(Duration.ZERO);
  }

  /** Near a budget limit the account polls less often, so what is left lasts longer. */
  private Duration paced() {
    return budget.tight() ? interval().multipliedBy(BUDGET_SLOWDOWN) : interval();
  }

  private void onError(Throwable error) {
    PollFailures.Verdict verdict = failures.judge(error, interval());
    if (verdict.credentialsRefused()) {
      started = false;
      unwatch();
    }
    report(verdict.state(), verdict.detail(), verdict.until())
        .onComplete(v -> scheduleAfterError(verdict.wait(clock)));
  }

  private Future<Void> report(ConnectorState next, String detail, Instant until) {
    if (paused && next != ConnectorState.DISABLED) {
      return Future.succeededFuture(); // a poll that ended after the switch must not hide it
    }
    return reporter.report(next, detail, until, budget.snapshot());
  }

  private Duration interval() {
    return Duration.ofSeconds(connector.account().pollIntervalSeconds());
  }

  private String name() {
    return connector.account().name();
  }

  /** The page's mentions, each belonging to the account's brand unless its connector said otherwise. */
  private List<Mention> branded(PollResult page) {
    String brand = connector.account().brand();
    return page.mentions().stream().map(m -> m.orBrand(brand)).toList();
  }

  /** True while this instance holds the account's lease and polls it. */
  public boolean polling() {
    return holding && !stopped && !paused;
  }

  public String account() {
    return name();
  }
}
