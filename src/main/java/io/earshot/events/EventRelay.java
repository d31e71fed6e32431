package io.earshot.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what the {@link EventDispatcher} could not: entries a crashed writer left staged
 * (confirmed through the changed document's {@code changeIds}, else dropped), and entries some
 * durable listener failed on (claimed with a lease, so one instance retries each, with
 * exponential back-off up to five minutes). Every instance runs one; the work is in MongoDB.
 */
public final class EventRelay {
  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
  /** Longer than any writer takes between staging and writing. */
  static final Duration STAGED_GRACE = Duration.ofSeconds(30);
  private static final Duration CLAIM = Duration.ofSeconds(60);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private final Vertx vertx;
  private final EventQueue queue;
  private final EventDispatcher dispatcher;
  private final Clock clock;
  private long timer = -1;
  private boolean running;

  public EventRelay(Vertx vertx, EventQueue queue, EventDispatcher dispatcher, Clock clock) {
    this.vertx = vertx;
    this.queue = queue;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> {
      if (!running) {
        running = true;
        sweep().onComplete(done -> running = false);
      }
    });
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** One round; answers how many entries were finished. Never fails. */
  public Future<Integer> sweep() {
    Instant now = clock.instant();
    return resolveStaged(now.minus(STAGED_GRACE)).compose(resolved -> retryDue(0).map(n -> resolved + n))
        .recover(e -> {
          LOG.warn("event relay round failed: {}", e.toString());
          return Future.succeededFuture(0);
        });
  }

  private Future<Integer> resolveStaged(Instant before) {
    return queue.stagedBefore(before, 100).compose(entries -> {
      Future<Integer> done = Future.succeededFuture(0);
      for (EventQueue.Entry entry : entries) {
        done = done.compose(n -> resolve(entry).map(n + 1));
      }
      return done;
    });
  }

  private Future<Void> resolve(EventQueue.Entry entry) {
    return queue.applied(entry.collection(), entry.documentId(), entry.changeId()).compose(applied -> {
      if (!applied) {
        LOG.info("change={} on {}/{} was never written; its staged events are dropped",
            entry.changeId(), entry.collection(), entry.documentId());
        return queue.remove(entry.changeId());
      }
      LOG.warn("change={} on {}/{} was written before a crash; delivering its {} events now",
          entry.changeId(), entry.collection(), entry.documentId(), entry.events().size());
      return redeliver(entry);
    });
  }

  private Future<Integer> retryDue(int handled) {
    Instant now = clock.instant();
    return queue.claimDue(now, now.plus(CLAIM)).compose(entry -> entry == null || handled >= 100
        ? Future.succeededFuture(handled)
        : redeliver(entry).compose(v -> retryDue(handled + 1)));
  }

  private Future<Void> redeliver(EventQueue.Entry entry) {
    return dispatcher.redeliver(entry.events(), entry.done()).compose(failed -> {
      if (failed.isEmpty()) {
        return queue.remove(entry.changeId());
      }
      Set<String> done = dispatcher.durableNames();
      done.removeAll(failed);
      return queue.defer(entry.changeId(), done, clock.instant().plus(backoff(entry.attempts())));
    });
  }

  static Duration backoff(int attempts) {
    long seconds = EventDispatcher.FIRST_RETRY.toSeconds() << Math.min(attempts, 16);
    return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
  }
}
