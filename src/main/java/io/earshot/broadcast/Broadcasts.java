package io.earshot.broadcast;

import io.earshot.brand.BrandDirectory;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.domain.Platform;
import io.earshot.domain.broadcast.Pace;
import io.earshot.events.EventDispatcher;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.publish.Publisher;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.store.BroadcastStore;
import io.earshot.store.CaseStore;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.store.NoticeStore;
import io.earshot.store.PacingStore;
import io.earshot.store.ProblemReads;
import io.earshot.store.ReplyStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The broadcasts part of one hub instance, wired once: the service the API calls, the runner the
 * broadcast verticle starts, and two listeners (live progress, late links) registered with the
 * event dispatcher here.
 */
public final class Broadcasts {
  private final BroadcastService service;
  private final BroadcastRunner runner;
  private final BroadcastTemplates templates;

  /** What the part needs from the rest of the hub. */
  public record Needs(Vertx vertx, MongoStore mongo, RedisConnection redis, String instanceId, CaseStore cases,
                      MentionStore mentions, ReplyStore replies, ConnectorRegistry connectors, BrandDirectory brands,
                      EventDispatcher events, Publisher publisher, ApprovalPolicies policies,
                      BroadcastTemplates templates, Map<Platform, Pace> pacing, Clock clock) {
  }

  public Broadcasts(Needs n) {
    BroadcastStore store = new BroadcastStore(n.mongo());
    NoticeStore notices = new NoticeStore(n.mongo());
    ProblemReads problems = new ProblemReads(n.mongo());
    ProblemAudience audience = new ProblemAudience(problems, n.cases(), n.mentions());
    BroadcastText texts = new BroadcastText(n.templates(), n.connectors());
    OutboxRows outbox = new OutboxRows(n.replies(), n.events());
    ProgressReads progress = new ProgressReads(notices, n.replies());
    NoticePacer pacer = new NoticePacer(new PacingStore(n.mongo()), n.pacing(), n.clock());
    NoticeFanOut fanOut = new NoticeFanOut(notices, n.replies(), store, outbox, pacer, texts, n.clock());
    // The lease outlives a few idle rounds; a dead holder is replaced within about that long.
    Lease lease = new Lease(n.redis(), "broadcasts", n.instanceId(), Duration.ofSeconds(10));
    this.runner = new BroadcastRunner(n.vertx(), new BroadcastWiring(store, audience, fanOut, progress, outbox,
        n.connectors(), n.brands(), n.events(), n.publisher()), lease, n.clock());
    this.service = new BroadcastService(store, new BroadcastChecks(audience, texts, n.templates(), n.connectors(),
        n.brands()), progress, n.policies(), n.events(), runner, n.clock());
    this.templates = n.templates();
    ProgressListener live = new ProgressListener(notices, store, progress, n.clock());
    live.tellThrough(n.events());
    n.events().register(live);
    n.events().register(new LateLinks(problems, runner));
  }

  public BroadcastService service() {
    return service;
  }

  public BroadcastRunner runner() {
    return runner;
  }

  public BroadcastTemplates templates() {
    return templates;
  }
}
