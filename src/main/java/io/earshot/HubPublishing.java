package io.earshot;

import io.earshot.brand.Brands;
import io.earshot.broadcast.BroadcastTemplates;
import io.earshot.broadcast.Broadcasts;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.ConnectorFleet;
import io.earshot.domain.Platform;
import io.earshot.domain.broadcast.Pace;
import io.earshot.engagement.EngagementSchedule;
import io.earshot.engagement.EngagementTracker;
import io.earshot.events.EventDispatcher;
import io.earshot.presence.CollisionCheck;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.publish.ApprovalService;
import io.earshot.publish.PublishStores;
import io.earshot.publish.Publisher;
import io.earshot.publish.ReplyService;
import io.earshot.publish.SavedReplies;
import io.earshot.publish.TemplateEngine;
import io.earshot.publish.TemplateFiles;
import io.earshot.publish.TemplateFiller;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.runtime.BroadcastVerticle;
import io.earshot.runtime.Deployments;
import io.earshot.runtime.PublishingVerticle;
import io.earshot.store.ApprovalPolicyStore;
import io.earshot.store.EngagementSamples;
import io.earshot.store.MongoStore;
import io.earshot.store.SavedReplyStore;
import io.earshot.store.UserStore;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The publishing side of one instance, as the HTTP verticles need it: replies (through the
 * approval policy into the outbox), saved replies, the approval queue and broadcasts. Started
 * by {@link Hub} after the connectors; its own verticles are the publisher with engagement
 * tracking, and the broadcast runner.
 */
record HubPublishing(ReplyService replies, SavedReplies templates, ApprovalService approvals,
                     ApprovalPolicies policies, PublishStores stores, Broadcasts broadcasts) {

  /** What starting it takes from the hub. */
  record Needs(Vertx vertx, EarshotConfig config, MongoStore mongo, RedisConnection redis, EventDispatcher events,
               ConnectorFleet connectors, Brands brands, Webhooks webhooks, Backends backends,
               Deployments deployments, CollisionCheck collisions, Clock clock) {
  }

  static Future<HubPublishing> start(Needs n, HubStores stores) {
    PublishStores publishStores = new PublishStores(stores.replies(), stores.mentions(), stores.cases(), n.events());
    Publisher publisher = new Publisher(n.vertx(), publishStores, n.connectors().registry(), n.clock(),
        n.config().outbound().publishLease());
    Path templatesDir = n.config().http().webroot().resolve("templates/replies");
    UserStore users = new UserStore(n.mongo());
    ApprovalPolicies policies = new ApprovalPolicies(new ApprovalPolicyStore(n.mongo()), stores.customers(), users,
        n.events(), n.clock());
    ApprovalService approvals = new ApprovalService(publishStores, n.connectors().registry(), publisher, n.clock());
    TemplateEngine engine = new TemplateEngine(n.vertx().createSharedWorkerExecutor("earshot-templates", 2));
    SavedReplies saved = new SavedReplies(new SavedReplyStore(n.mongo()), engine, n.brands().directory(), n.events(),
        n.clock());
    TemplateFiller filler = new TemplateFiller(saved, engine, stores.customers(), users, n.brands().directory());
    PublishingVerticle verticle = new PublishingVerticle(publisher, engagementTracker(n, stores), n.webhooks());
    return n.backends().blocking(() -> TemplateFiles.read(templatesDir)).compose(saved::importOnce)
        .compose(imported -> n.deployments().deploy("publishing", verticle))
        .compose(v -> startBroadcasts(n, stores, publisher, policies))
        .map(broadcasts -> new HubPublishing(new ReplyService(publishStores, n.connectors().registry(), filler,
            policies, publisher, n.clock(), n.collisions()), saved, approvals, policies, publishStores, broadcasts));
  }

  /** Broadcasts: their templates are read on the lifecycle pool, then the runner gets a verticle of its own. */
  private static Future<Broadcasts> startBroadcasts(Needs n, HubStores stores, Publisher publisher,
                                                    ApprovalPolicies policies) {
    Path dir = n.config().http().webroot().resolve("templates/broadcasts");
    Map<Platform, Pace> paces = new EnumMap<>(Platform.class);
    n.config().outbound().broadcastPacing().forEach((code, p) -> Platform.fromCode(code)
        .ifPresent(platform -> paces.put(platform, new Pace(p.limit(), p.window()))));
    return n.backends().blocking(() -> new BroadcastTemplates(dir)).compose(templates -> {
      Broadcasts broadcasts = new Broadcasts(new Broadcasts.Needs(n.vertx(), n.mongo(), n.redis(),
          n.connectors().instanceId(), stores.cases(), stores.mentions(), stores.replies(), n.connectors().registry(),
          n.brands().directory(), n.events(), publisher, policies, templates, paces, n.clock()));
      return n.deployments().deploy("broadcasts", new BroadcastVerticle(broadcasts.runner())).map(broadcasts);
    });
  }

  /**
   * The lease outlives three rounds, so its holder renews it every round with room to spare, and
   * an instance that dies without releasing it is replaced after about three intervals.
   */
  private static EngagementTracker engagementTracker(Needs n, HubStores stores) {
    Duration every = n.config().outbound().engagementInterval();
    Lease lease = new Lease(n.redis(), "engagement", UUID.randomUUID().toString(), every.multipliedBy(3));
    return new EngagementTracker(n.vertx(), stores.replies(), n.connectors().registry(), n.events(), lease,
        n.clock(), every, new EngagementSchedule(n.config().outbound().engagementSchedule()),
        new EngagementSamples(n.mongo()));
  }
}
