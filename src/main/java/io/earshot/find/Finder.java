package io.earshot.find;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.live.LiveFeed;
import io.earshot.store.InboxEntries;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding cases: lists, filters, full-text search and counts, answered from this instance's
 * {@link CaseIndex} (MongoDB stays the truth; the index is rebuilt from it when missing or of
 * an older schema). Kept current by {@link #listener()} (changes made here), the live feed
 * (changes other instances tell through Redis), and the {@link IndexCatchUp} over
 * {@code cases.updatedAt}. Searches run on the {@code earshot-index-read} pool, writes on the
 * single {@code earshot-index} thread. Futures fail with {@link io.earshot.error.DomainError.Invalid}
 * for a bad cursor, and with the store's errors while reindexing reads MongoDB.
 */
public final class Finder {
  private static final Logger LOG = LoggerFactory.getLogger(Finder.class);
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(10);
  private final Vertx vertx;
  private final CaseIndex index;
  private final InboxEntries source;
  private final WorkerExecutor writes;
  private final WorkerExecutor reads;
  private final IndexFeed feed;
  private final IndexListener listener;
  private final Clock clock;
  private IndexCatchUp catchUp;
  private MessageConsumer<Object> live;
  private long commitTimer = -1;

  private Finder(Vertx vertx, CaseIndex index, InboxEntries source, WorkerExecutor writes, Clock clock) {
    this.vertx = vertx;
    this.index = index;
    this.source = source;
    this.clock = clock;
    this.writes = writes;
    this.reads = vertx.createSharedWorkerExecutor("earshot-index-read", 4);
    this.feed = new IndexFeed(vertx, index, source, writes);
    this.listener = new IndexListener(feed);
  }

  /**
   * Opens the index under {@code <dataDir>/index}, rebuilds it from MongoDB when it is not
   * complete, and starts following changes ({@code catchUpEvery}: how often MongoDB is asked).
   */
  public static Future<Finder> start(Vertx vertx, MongoStore mongo, Path dataDir, Duration catchUpEvery,
                                     boolean embedded, Clock clock) {
    Path root = dataDir.resolve("index");
    WorkerExecutor writes = vertx.createSharedWorkerExecutor("earshot-index", 1);
    return writes.executeBlocking(() -> CaseIndex.open(root))
        .onFailure(e -> writes.close())
        .map(index -> new Finder(vertx, index, new InboxEntries(mongo), writes, clock))
        .compose(finder -> finder.catchUpFrom().map(wm -> {
          finder.follow(wm, catchUpEvery, !embedded);
          return finder;
        }));
  }

  /** Where the catch-up starts: the index's watermark, or the start of a rebuild. */
  private Future<Instant> catchUpFrom() {
    Instant watermark = index.complete() ? index.watermark() : null;
    return watermark != null ? Future.succeededFuture(watermark) : rebuild();
  }

  /**
   * Reads every case into an empty index; answers the time it began (changes after it are caught
   * up). At start when the index is missing; {@code bench inbox} also calls it after seeding.
   */
  public Future<Instant> rebuild() {
    Instant began = clock.instant();
    long t0 = System.nanoTime();
    return writes.executeBlocking(() -> {
      index.clear();
      return null;
    }).compose(v -> source.all(5_000, index::putMentions, index::put)).compose(read -> writes.executeBlocking(() -> {
      index.refresh();
      index.commit(began.minus(IndexCatchUp.OVERLAP), true);
      LOG.info("inbox index rebuilt: {} cases and {} mentions in {} ms", read.cases(), read.mentions(),
          (System.nanoTime() - t0) / 1_000_000);
      return began;
    }));
  }

  /**
   * {@code mentionsToo}: the catch-up also lists mentions (a real MongoDB: by its {@code receivedAt}
   * index); the embedded server serves this process alone, whose every mention is told.
   */
  private void follow(Instant watermark, Duration catchUpEvery, boolean mentionsToo) {
    catchUp = new IndexCatchUp(vertx, source, feed, clock, watermark, mentionsToo);
    catchUp.start(catchUpEvery);
    catchUp.round(); // what changed while this instance was down, at once
    live = vertx.eventBus().consumer(LiveFeed.LIVE_ADDRESS, message -> fromLiveFeed(message.body()));
    commitTimer = vertx.setPeriodic(COMMIT_EVERY.toMillis(), t -> commit());
  }

  /** Events of every instance, this one's included (those were handled as they happened). */
  private void fromLiveFeed(Object body) {
    try {
      EventEnvelope event = EventEnvelope.fromJson(new JsonObject(body.toString()));
      if (listener.accepts(event) && !listener.handledHere(event.id())) {
        IndexListener.take(feed, List.of(event));
      }
    } catch (RuntimeException e) {
      LOG.debug("live message not read by the inbox index: {}", e.toString());
    }
  }

  private Future<Void> commit() {
    Instant safe = catchUp.safeWatermark();
    return writes.executeBlocking(() -> {
      index.commit(safe, true);
      return null;
    }, false).onFailure(e -> LOG.warn("inbox index commit failed: {}", e.toString())).mapEmpty();
  }

  /** The event listener that reindexes a case on every event about it; register it with the dispatcher. */
  public EventListener listener() {
    return listener;
  }

  public Future<CaseIndex.Hits> search(CaseFilter filter, CaseSort sort, String cursor, int limit) {
    return feed.current().compose(v -> reads.executeBlocking(() -> index.search(filter, sort, cursor, limit), false));
  }

  /** The newest mentions received, of one platform or all (null), and how many there are. */
  public Future<CaseIndex.Hits> mentions(String platform, int limit) {
    return feed.current().compose(v -> reads.executeBlocking(() -> index.mentions(platform, limit), false));
  }

  /** {@link CaseIndex#leastRecentlyChanged}, once what was marked before is searchable. */
  public Future<List<String>> leastRecentlyChanged(List<String> statuses, int limit) {
    return feed.current().compose(v -> reads.executeBlocking(() -> index.leastRecentlyChanged(statuses, limit), false));
  }

  public Future<Long> count(CaseFilter filter) {
    return feed.current().compose(v -> reads.executeBlocking(() -> index.count(filter), false));
  }

  public Future<Map<String, Long>> countsByStatus(CaseFilter filter) {
    return feed.current().compose(v -> reads.executeBlocking(() -> index.countsByStatus(filter), false));
  }

  /** Finds changes other instances made now instead of at the next round (tests, the bench). */
  public Future<Void> catchUpNow() {
    return catchUp.round();
  }

  public Future<Void> close() {
    feed.stop();
    if (catchUp != null) {
      catchUp.stop();
    }
    if (commitTimer >= 0) {
      vertx.cancelTimer(commitTimer);
    }
    Future<Void> unsubscribed = live == null ? Future.succeededFuture() : live.unregister();
    Future<Void> closed = unsubscribed.eventually(() -> writes.executeBlocking(() -> {
      // Closed even when the last commit fails: a writer left open keeps the index's lock, and
      // the next start in this process (a restart in place) could not open it.
      try {
        index.commit(catchUp == null ? null : catchUp.safeWatermark(), catchUp != null);
      } finally {
        index.close();
      }
      return null;
    }));
    return closed.eventually(writes::close).eventually(reads::close);
  }
}
