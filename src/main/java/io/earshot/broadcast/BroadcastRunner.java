package io.earshot.broadcast;

import io.earshot.brand.BrandDirectory;
import io.earshot.concurrent.Owner;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.domain.Brand;
import io.earshot.domain.Decision;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastLifecycle;
import io.earshot.domain.broadcast.BroadcastOutbox;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.domain.broadcast.NoticeTarget;
import io.earshot.domain.broadcast.ProblemFacts;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.publish.Publisher;
import io.earshot.redis.Lease;
import io.earshot.store.BroadcastStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries released broadcasts out, on the instance holding the Redis lease
 * {@code earshot:lease:broadcasts}: a queued one gets its posts written to the outbox and starts;
 * a sending one gets its personal notices, paced, pass after pass (at the time the first
 * account's bucket has a token again, at least every second); one whose posts and notices all
 * reached a final state finishes. Everything it writes is derived from what it is about, so a
 * runner that dies mid-way is replaced (by the next lease holder, or the same hub restarted)
 * and continues without making anything twice.
 */
public final class BroadcastRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BroadcastRunner.class);
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final Duration SOONEST = Duration.ofMillis(20);
  private final Vertx vertx;
  private final BroadcastStore store;
  private final ProblemAudience audience;
  private final NoticeFanOut fanOut;
  private final ProgressReads progress;
  private final OutboxRows outbox;
  private final ConnectorRegistry connectors;
  private final BrandDirectory brands;
  private final EventDispatcher events;
  private final Publisher publisher;
  private final Lease lease;
  private final Clock clock;
  private volatile Owner owner;
  private boolean running;
  private boolean again;
  private boolean stopped;
  private long timer = -1;

  BroadcastRunner(Vertx vertx, BroadcastWiring w, Lease lease, Clock clock) {
    this.vertx = vertx;
    this.store = w.store();
    this.audience = w.audience();
    this.fanOut = w.fanOut();
    this.progress = w.progress();
    this.outbox = w.outbox();
    this.connectors = w.connectors();
    this.brands = w.brands();
    this.events = w.events();
    this.publisher = w.publisher();
    this.lease = lease;
    this.clock = clock;
  }

  /** Starts on the calling context, which owns the runner from now on. */
  public void start() {
    owner = Owner.current(vertx);
    schedule(Duration.ZERO);
  }

  public Future<Void> stop() {
    Owner o = owner;
    if (o != null) {
      o.run(() -> {
        stopped = true;
        vertx.cancelTimer(timer);
      });
    }
    return lease.release().recover(e -> Future.succeededFuture());
  }

  /** A broadcast was released, resumed or gained customers: look now; callable from any context. */
  public void wake() {
    Owner o = owner;
    if (o != null) {
      o.run(() -> schedule(Duration.ZERO));
    }
  }

  private void schedule(Duration in) {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    vertx.cancelTimer(timer);
    timer = vertx.setTimer(Math.max(1, in.toMillis()), id -> tick());
  }

  private void tick() {
    running = true;
    lease.acquireOrRenew().compose(held -> held ? round() : Future.succeededFuture(clock.instant().plus(IDLE)))
        .recover(e -> {
          LOG.warn("broadcast round failed: {}", e.toString());
          return Future.succeededFuture(clock.instant().plus(IDLE));
        })
        .onComplete(next -> {
          running = false;
          Duration wait = again ? Duration.ZERO : Duration.between(clock.instant(), next.result());
          again = false;
          schedule(wait.compareTo(SOONEST) < 0 ? SOONEST : wait.compareTo(IDLE) > 0 ? IDLE : wait);
        });
  }

  /** Every active broadcast, one after the other; answers when to look again. */
  Future<Instant> round() {
    Instant idle = clock.instant().plus(IDLE);
    return store.inStates(List.of(BroadcastState.QUEUED, BroadcastState.SENDING)).compose(active -> {
      Future<Instant> chain = Future.succeededFuture(idle);
      for (Broadcast b : active) {
        chain = chain.compose(next -> advance(b).map(at -> at != null && at.isBefore(next) ? at : next)
            .recover(e -> {
              LOG.warn("broadcast={} not advanced this round: {}", b.id(), e.toString());
              return Future.succeededFuture(next);
            }));
      }
      return chain;
    });
  }

  private Future<Instant> advance(Broadcast b) {
    return b.state() == BroadcastState.QUEUED ? begin(b).compose(this::notify) : notify(b);
  }

  /** Late-linked customers of {@code problemId} get the current status: the newest released broadcast's notice. */
  public Future<Void> relink(String problemId) {
    return store.latestNotifying(problemId).compose(b -> b == null ? Future.succeededFuture()
        : notify(b).onSuccess(next -> {
          // A finished broadcast is no longer in the rounds: come back when a bucket has a token.
          if (next != null && b.state() == BroadcastState.SENT && !stopped) {
            long in = Math.max(1, Duration.between(clock.instant(), next).toMillis());
            vertx.setTimer(in, id -> relink(problemId));
          }
        }).mapEmpty());
  }

  /** Writes the posts, then starts (or refuses) the broadcast with the audience found now. */
  private Future<Broadcast> begin(Broadcast b) {
    Future<List<NoticeTarget>> targets = b.notifyAffected() && b.problemId() != null
        ? audience.targets(b.problemId()) : Future.succeededFuture(List.of());
    return targets.compose(found -> {
      Decision<Broadcast> started = BroadcastLifecycle.start(b, found.size(), clock.instant());
      Future<Void> posts = started.state().state() == BroadcastState.SENDING ? writePosts(started.state())
          : Future.succeededFuture();
      return posts.compose(v -> save(b, started));
    });
  }

  private Future<Void> writePosts(Broadcast b) {
    Future<Void> chain = Future.succeededFuture();
    for (String account : b.accounts()) {
      var connector = connectors.byName(account).orElse(null);
      if (connector == null) {
        LOG.warn("broadcast={} account={} is gone; no post there", b.id(), account);
        continue;
      }
      chain = chain.compose(v -> outbox.insertOnce(BroadcastOutbox.post(b, account, connector.account().platform(),
          clock.instant())).mapEmpty());
    }
    return chain.onSuccess(v -> publisher.wake());
  }

  /** A pass of notices, then finishes the broadcast when all is final; answers when to look again (null: idle). */
  private Future<Instant> notify(Broadcast b) {
    if (b.state() != BroadcastState.SENDING && b.state() != BroadcastState.SENT) {
      return Future.succeededFuture(null);
    }
    if (!b.notifyAffected() || b.problemId() == null) {
      return finishIfDone(b, 0).map((Instant) null);
    }
    return Future.all(audience.problem(b.problemId()), audience.targets(b.problemId()), brands.all())
        .compose(all -> {
          ProblemFacts problem = all.resultAt(0);
          List<NoticeTarget> targets = all.resultAt(1);
          java.util.Map<String, Brand> known = all.resultAt(2);
          String brandName = known.containsKey(b.brand()) ? known.get(b.brand()).name() : b.brand();
          return grow(b, targets.size()).compose(current -> fanOut.run(current, problem, brandName, targets)
              .compose(pass -> {
                if (pass.made() > 0) {
                  publisher.wake();
                }
                return finishIfDone(current, pass.waiting()).map(pass.nextAt());
              }));
        });
  }

  /** The audience grew (customers linked since): the total counts them. */
  private Future<Broadcast> grow(Broadcast b, int total) {
    Decision<Broadcast> d = BroadcastLifecycle.audience(b, total, clock.instant());
    return d.state() == b ? Future.succeededFuture(b) : save(b, d);
  }

  private Future<Void> finishIfDone(Broadcast b, int waiting) {
    if (b.state() != BroadcastState.SENDING || waiting > 0) {
      return Future.succeededFuture();
    }
    return progress.view(b).compose(view -> {
      boolean postsFinal = view.posts().stream().allMatch(p -> p.state().equals("sent") || p.state().equals("failed"));
      boolean noticesFinal = view.notices().queued() == 0;
      if (!postsFinal || !noticesFinal) {
        return Future.succeededFuture();
      }
      boolean anySent = view.notices().sent() > 0 || view.posts().stream().anyMatch(p -> p.state().equals("sent"));
      return save(b, BroadcastLifecycle.finish(b, anySent, "no post or notice could be published", clock.instant()))
          .onSuccess(done -> LOG.info("broadcast={} {}: notices {}", b.id(), done.state().code(), view.notices()))
          .mapEmpty();
    });
  }

  private Future<Broadcast> save(Broadcast before, Decision<Broadcast> decision) {
    Change change = Change.of(MongoStore.BROADCASTS, before.id(), decision.events());
    return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()))
        .recover(e -> e instanceof StaleWrite ? store.get(before.id()) : Future.failedFuture(e));
  }
}
