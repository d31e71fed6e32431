package io.earshot.find;

import io.earshot.store.InboxEntries;
import io.earshot.store.MentionEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings cases that changed into the {@link CaseIndex}: anyone may {@link #mark} case ids
 * (the event listener, the live feed from other instances, the catch-up), from any thread; one
 * drain at a time reads the marked cases from MongoDB by key and writes them to the index on the
 * index's single worker thread, so many marks made meanwhile become one read and one refresh.
 * {@link #current()} lets a reader wait until everything marked before it is searchable: an
 * agent's change is in the next list it reads.
 */
final class IndexFeed {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFeed.class);
  /** A reader waits at most this long for the index before reading it as it is. */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);
  private static final int DRAIN_MAX = 2_000;
  private final Vertx vertx;
  private final CaseIndex index;
  private final InboxEntries source;
  private final WorkerExecutor indexThread;
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final Queue<MentionEntry> mentions = new ConcurrentLinkedQueue<>();
  private final AtomicLong marked = new AtomicLong();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  private volatile boolean stopped;

  private record Waiter(long ticket, Context context, Promise<Void> promise) {
  }

  IndexFeed(Vertx vertx, CaseIndex index, InboxEntries source, WorkerExecutor indexThread) {
    this.vertx = vertx;
    this.index = index;
    this.source = source;
    this.indexThread = indexThread;
  }

  /** Answers the ticket of this mark: once {@link #indexedUpTo()} reaches it, these cases are searchable. */
  long mark(Collection<String> ids) {
    dirty.addAll(ids);
    long ticket = marked.incrementAndGet();
    kick();
    return ticket;
  }

  /** Mentions to list, written as they are (they never change once stored); answers the mark's ticket. */
  long mentions(Collection<MentionEntry> received) {
    mentions.addAll(received);
    long ticket = marked.incrementAndGet();
    kick();
    return ticket;
  }

  long indexedUpTo() {
    return indexed.get();
  }

  /** Completes once every case marked before this call is searchable, or after {@link #MAX_WAIT}. */
  Future<Void> current() {
    return until(marked.get());
  }

  Future<Void> until(long ticket) {
    if (indexed.get() >= ticket) {
      return Future.succeededFuture();
    }
    Context context = vertx.getOrCreateContext();
    Promise<Void> promise = Promise.promise();
    waiters.add(new Waiter(ticket, context, promise));
    long timer = vertx.setTimer(MAX_WAIT.toMillis(), t -> {
      if (promise.tryComplete()) {
        LOG.warn("inbox index behind by {} marks after {} ms; reading it as it is", marked.get() - indexed.get(),
            MAX_WAIT.toMillis());
      }
    });
    if (indexed.get() >= ticket) {
      promise.tryComplete();
    }
    return promise.future().onComplete(v -> vertx.cancelTimer(timer));
  }

  private void kick() {
    if (!stopped && draining.compareAndSet(false, true)) {
      vertx.runOnContext(v -> drain());
    }
  }

  private void drain() {
    long snapshot = marked.get();
    List<String> ids = take();
    // Marks up to the snapshot put their ids in before counting, so all of them were taken unless
    // the drain was full; then this drain cannot vouch for the snapshot, the next one will.
    long ticket = ids.size() < DRAIN_MAX ? snapshot : indexed.get();
    List<MentionEntry> received = new ArrayList<>();
    for (MentionEntry m = mentions.poll(); m != null; m = mentions.poll()) {
      received.add(m);
    }
    if (ids.isEmpty() && received.isEmpty()) {
      finish(ticket);
      return;
    }
    source.byIds(ids)
        .compose(read -> indexThread.executeBlocking(() -> {
          index.put(read.entries());
          index.delete(read.missing());
          index.putMentions(received);
          index.refresh();
          return null;
        }, true))
        .onSuccess(v -> finish(ticket))
        .onFailure(e -> {
          mentions.addAll(received);
          retryLater(ids, e);
        });
  }

  private List<String> take() {
    List<String> ids = new ArrayList<>();
    for (String id : dirty) {
      if (ids.size() == DRAIN_MAX) {
        break;
      }
      dirty.remove(id);
      ids.add(id);
    }
    return ids;
  }

  private void finish(long ticket) {
    indexed.accumulateAndGet(ticket, Math::max);
    release();
    draining.set(false);
    if (!dirty.isEmpty() || !mentions.isEmpty() || marked.get() > indexed.get()) {
      kick();
    }
  }

  private void retryLater(List<String> ids, Throwable e) {
    LOG.warn("inbox index: {} cases not reindexed, retrying in 1 s: {}", ids.size(), e.toString());
    dirty.addAll(ids);
    vertx.setTimer(1_000, t -> {
      draining.set(false);
      kick();
    });
  }

  private void release() {
    long upTo = indexed.get();
    waiters.removeIf(w -> {
      if (w.ticket() <= upTo) {
        w.context().runOnContext(v -> w.promise().tryComplete());
        return true;
      }
      return w.promise().future().isComplete();
    });
  }

  void stop() {
    stopped = true;
  }
}
