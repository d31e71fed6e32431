package io.earshot.engagement;

import io.earshot.concurrent.Owner;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.domain.Engagement;
import io.earshot.domain.Reply;
import io.earshot.domain.Decision;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.earshot.redis.Lease;
import io.earshot.store.EngagementSamples;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the likes, reposts and replies (and quotes and impressions where the platform gives
 * them) of what the brand sent (replies, broadcast posts and personal notices alike: all are
 * rows of the outbox) on the {@link EngagementSchedule}: at
 * fixed ages after sending, thinning out as a post ages. One instance of the hub does it at a
 * time (a Redis lease), every interval: sent replies inside the schedule's horizon are read
 * oldest measurement first, the due ones grouped by account and asked of that account's
 * connector in small chunks. Every measurement is stored on the reply (so the next round starts
 * with the stalest) and as a sample of the post's time series ({@code engagement_samples});
 * dashboards hear {@code reply.engagement_updated} only when a count changed. An account that
 * fails (rate-limited, unauthorized, down) is skipped for the round and never stops the others.
 */
public final class EngagementTracker {
  private static final Logger LOG = LoggerFactory.getLogger(EngagementTracker.class);
  private static final int REPLIES_PER_ROUND = 500;
  // Mastodon reads one status per id; a small chunk keeps a round from bursting the rate limit.
  private static final int CHUNK = 20;
  private final Vertx vertx;
  private final ReplyStore replies;
  private final ConnectorRegistry connectors;
  private final EventDispatcher events;
  private final Lease lease;
  private final Clock clock;
  private final Duration interval;
  private final EngagementSchedule schedule;
  private final EngagementSamples samples;
  private boolean stopped;
  private long timer = -1;

  public EngagementTracker(Vertx vertx, ReplyStore replies, ConnectorRegistry connectors, EventDispatcher events,
                           Lease lease, Clock clock, Duration interval, EngagementSchedule schedule,
                           EngagementSamples samples) {
    this.schedule = schedule;
    this.samples = samples;
    this.vertx = vertx;
    this.replies = replies;
    this.connectors = connectors;
    this.events = events;
    this.lease = lease;
    this.clock = clock;
    this.interval = interval;
  }

  public void start() {
    schedule();
  }

  /** Stops the rounds; gives the lease back so another instance takes over at once. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return lease.release().recover(e -> Future.succeededFuture());
  }

  private void schedule() {
    if (!stopped) {
      timer = vertx.setTimer(interval.toMillis(), id -> tick());
    }
  }

  private void tick() {
    lease.acquireOrRenew()
        .compose(held -> held ? round() : Future.succeededFuture(0))
        .onSuccess(changed -> {
          if (changed > 0) {
            LOG.info("engagement refreshed: {} replies changed", changed);
          }
        })
        .onFailure(e -> LOG.warn("engagement round failed: {}", e.toString()))
        .onComplete(done -> schedule());
  }

  /** One round over every account; completes with how many replies' counts changed. */
  Future<Integer> round() {
    var now = clock.instant();
    // A post is due until just after its last age: the horizon plus a round's slack.
    return replies.sentSince(now.minus(schedule.horizon()).minus(interval.multipliedBy(2)), REPLIES_PER_ROUND)
        .compose(sent -> {
      Map<String, List<Reply>> byAccount = sent.stream().filter(r -> r.externalId() != null)
          .filter(r -> schedule.due(r.sentAt(), r.engagement() == null ? null : r.engagement().measuredAt(), now))
          .collect(Collectors.groupingBy(Reply::account, LinkedHashMap::new, Collectors.toList()));
      Future<Integer> chain = Future.succeededFuture(0);
      for (Map.Entry<String, List<Reply>> account : byAccount.entrySet()) {
        chain = chain.compose(total -> refreshAccount(account.getKey(), account.getValue()).map(n -> total + n));
      }
      return chain;
    });
  }

  private Future<Integer> refreshAccount(String account, List<Reply> sent) {
    Connector connector = connectors.byName(account).orElse(null);
    if (connector == null) {
      return Future.succeededFuture(0);
    }
    Future<Integer> chain = Future.succeededFuture(0);
    for (int from = 0; from < sent.size(); from += CHUNK) {
      List<Reply> chunk = sent.subList(from, Math.min(sent.size(), from + CHUNK));
      chain = chain.compose(total -> refreshChunk(connector, chunk).map(n -> total + n));
    }
    return chain.recover(e -> {
      LOG.warn("engagement skipped this round account={}: {}", account, e.toString());
      return Future.succeededFuture(0);
    });
  }

  private Future<Integer> refreshChunk(Connector connector, List<Reply> chunk) {
    List<String> ids = chunk.stream().map(Reply::externalId).toList();
    // The connector is shared with its poller on another event loop: come back here before going on.
    return Owner.onCaller(connector.engagement(ids)).compose(counts -> {
      List<Future<Boolean>> writes = new ArrayList<>();
      chunk.stream().filter(r -> counts.containsKey(r.externalId()))
          .forEach(r -> writes.add(store(r, counts.get(r.externalId()))));
      return Future.all(writes).map(all -> (int) writes.stream().filter(Future::result).count());
    });
  }

  /** Stores the measurement; true when a count changed (and dashboards were told). */
  private Future<Boolean> store(Reply reply, Engagement now) {
    Engagement measured = now.at(clock.instant());
    Decision<Reply> decision = ReplyLifecycle.measured(reply, measured, clock.instant());
    Change change = Change.of(MongoStore.REPLIES, reply.id(), decision.events());
    // Every measurement is stored, changed or not: the next round starts with the stalest replies.
    return events.apply(change, () -> replies.save(decision.state(), reply.version(), change.id()))
        .compose(stored -> samples.record(stored, measured).map(decision.changed()))
        .recover(e -> e instanceof StaleWrite ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
