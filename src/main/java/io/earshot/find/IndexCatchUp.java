package io.earshot.find;

import io.earshot.store.InboxEntries;
import io.earshot.store.MentionEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's backstop: every round it asks MongoDB for the cases changed since its watermark
 * ({@code updatedAt}) and marks those it has not seen at that time. Changes made by other
 * instances normally arrive at once through the live feed; this finds what that best-effort path
 * lost (a Redis outage, a dropped message) and what changed while this instance was down.
 * Instances' clocks and commits disagree by a little, so each round looks back {@link #OVERLAP}.
 */
final class IndexCatchUp {
  static final Duration OVERLAP = Duration.ofSeconds(5);
  private static final int PAGE = 5_000;
  private final Vertx vertx;
  private final InboxEntries source;
  private final IndexFeed feed;
  private final Clock clock;
  private final Map<String, Instant> seen = new HashMap<>();
  private final Map<String, Instant> seenMentions = new HashMap<>();
  private final boolean mentionsToo;
  /**
   * The first round lists mentions received since the watermark even where that query scans (the
   * embedded server): what an instance stored but had not committed to its index before it
   * stopped is told by no event again.
   */
  private boolean mentionsOnce = true;
  private Instant watermark;
  private volatile Instant safe;
  private boolean running;
  private long timer = -1;

  /** {@code mentionsToo}: also list mentions received meanwhile (only where MongoDB has the index for it). */
  IndexCatchUp(Vertx vertx, InboxEntries source, IndexFeed feed, Clock clock, Instant watermark, boolean mentionsToo) {
    this.mentionsToo = mentionsToo;
    this.vertx = vertx;
    this.source = source;
    this.feed = feed;
    this.clock = clock;
    this.watermark = watermark;
    this.safe = watermark;
  }

  void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), t -> round());
  }

  /** Up to when every change is in the index: what a commit may record. */
  Instant safeWatermark() {
    return safe;
  }

  /** Runs one round now unless one is running; completes when what it found is searchable. */
  Future<Void> round() {
    if (running) {
      return Future.succeededFuture();
    }
    running = true;
    Instant asked = clock.instant();
    Instant from = watermark.minus(OVERLAP);
    return received(from).compose(v -> source.changedSince(from, PAGE))
        .compose(changed -> feed.until(mark(changed)).map(changed.size() == PAGE))
        .onComplete(done -> running = false)
        .compose(full -> {
          advance(full ? null : asked);
          return full ? round() : Future.<Void>succeededFuture();
        });
  }

  /** Mentions received since {@code from} that this round has not listed yet. */
  private Future<Void> received(Instant from) {
    if (!mentionsToo && !mentionsOnce) {
      return Future.succeededFuture();
    }
    mentionsOnce = false;
    return source.mentionsSince(from, PAGE * 4).compose(found -> {
      List<MentionEntry> fresh = found.stream().filter(m -> seenMentions.put(m.id(), m.receivedAt()) == null).toList();
      return fresh.isEmpty() ? Future.succeededFuture() : feed.until(feed.mentions(fresh));
    });
  }

  private long mark(List<InboxEntries.Changed> changed) {
    List<String> fresh = changed.stream().filter(c -> !c.updatedAt().equals(seen.get(c.id())))
        .map(InboxEntries.Changed::id).toList();
    changed.forEach(c -> {
      seen.put(c.id(), c.updatedAt());
      if (c.updatedAt().isAfter(watermark)) {
        watermark = c.updatedAt();
      }
    });
    return fresh.isEmpty() ? feed.indexedUpTo() : feed.mark(fresh);
  }

  /** After a full page the watermark is the newest change read; otherwise the time the round asked. */
  private void advance(Instant asked) {
    if (asked != null && asked.isAfter(watermark)) {
      watermark = asked;
    }
    safe = watermark.minus(OVERLAP);
    Instant forget = watermark.minus(OVERLAP.multipliedBy(2));
    seen.values().removeIf(at -> at.isBefore(forget));
    seenMentions.values().removeIf(at -> at == null || at.isBefore(forget));
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
