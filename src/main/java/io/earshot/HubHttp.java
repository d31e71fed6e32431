package io.earshot;

import io.earshot.assign.Assign;
import io.earshot.auth.AccountAudit;
import io.earshot.auth.AuthSetup;
import io.earshot.brand.Brands;
import io.earshot.casework.Casework;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.ConnectorAccounts;
import io.earshot.connector.ConnectorFleet;
import io.earshot.connector.ConnectorStores;
import io.earshot.connector.StatusBoard;
import io.earshot.connector.meta.MetaWebhooks;
import io.earshot.events.EventDispatcher;
import io.earshot.find.Finder;
import io.earshot.inbox.CaseChanges;
import io.earshot.inbox.InboxService;
import io.earshot.inbox.SavedViews;
import io.earshot.ingest.IngestPipeline;
import io.earshot.metrics.HubMetrics;
import io.earshot.moderation.ModerationService;
import io.earshot.problem.Problems;
import io.earshot.redis.RedisConnection;
import io.earshot.runtime.CaseworkVerticle;
import io.earshot.runtime.Deployments;
import io.earshot.runtime.HttpVerticle;
import io.earshot.runtime.HubVertx;
import io.earshot.sla.Slas;
import io.earshot.store.ModerationStore;
import io.earshot.store.MongoStore;
import io.earshot.store.NoteStore;
import io.earshot.store.SnoozeStore;
import io.earshot.store.UserStore;
import io.earshot.store.ViewStore;
import io.earshot.web.HttpApi;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * The HTTP side of one instance, started last by {@link Hub}: working a case (casework, with its
 * snooze waker's verticle) and the API served by {@code httpInstances} HTTP verticles.
 */
record HubHttp(HttpApi api, Casework casework, int port) {

  /** What serving the API takes from the hub, all started before it. */
  record Needs(HubVertx runtime, EarshotConfig config, MongoStore mongo, RedisConnection redis, EventDispatcher events,
               IngestPipeline pipeline, String ingestToken, AuthSetup auth, Finder finder, ConnectorFleet connectors,
               StatusBoard board, Webhooks webhooks, Brands brands, Slas slas, Assign assign, Problems problems,
               HubMetrics metrics, Deployments deployments, Clock clock) {
  }

  /**
   * Every instance listens on the configured port, and Vert.x hands each connection to the next
   * instance. Port 0 would give each instance a port of its own; a negative port is Vert.x's
   * shared random port, so all instances share the one the system picks for the first.
   */
  static Future<HubHttp> start(Needs n, HubStores stores, HubPublishing publishing) {
    CaseChanges caseChanges = new CaseChanges(stores.cases(), new SnoozeStore(n.mongo()), n.events(), n.clock(),
        n.assign().facts());
    Casework casework = Casework.wire(n.runtime().vertx(), n.mongo(), n.redis(), n.connectors().instanceId(),
        stores.cases(), stores.customers(), caseChanges, n.events(), n.clock());
    HttpApi http = new HttpApi(n.runtime().vertx(), services(n, stores, publishing, caseChanges, casework),
        n.config().http(), new HttpApi.Metrics(n.metrics()::scrape, HubMetrics.CONTENT_TYPE,
        n.config().security().metricsToken()));
    n.metrics().uploads(() -> http.uploadsInFlight(true), () -> http.uploadsInFlight(false));
    int more = n.config().http().instances() - 1;
    int listen = n.config().http().port() == 0 ? -1 : n.config().http().port();
    return n.deployments().deploy("casework", new CaseworkVerticle(casework.waker()))
        .compose(v -> n.deployments().deploy("http", new HttpVerticle(http, listen, n.runtime().registry())))
        .compose(first -> {
          Future<Void> others = more == 0 ? Future.succeededFuture()
              : n.deployments().deploy("http", () -> new HttpVerticle(http, listen, n.runtime().registry()), more);
          return others.map(new HubHttp(http, casework, first.actualPort()));
        });
  }

  private static HttpApi.Services services(Needs n, HubStores stores, HubPublishing publishing,
                                           CaseChanges caseChanges, Casework casework) {
    MongoStore mongo = n.mongo();
    return new HttpApi.Services(n.pipeline(), n.ingestToken(), n.auth().auth(), n.auth().users(),
        new InboxService(stores.cases(), stores.mentions(), stores.replies(), stores.customers(), new NoteStore(mongo),
            n.finder()),
        caseChanges, publishing.replies(), publishing.templates(),
        stores.mentions(), mongo, n.redis(), n.board(), new AccountAudit(n.events(), new UserStore(mongo), n.clock()),
        n.webhooks().service(n.events()), publishing.approvals(), publishing.policies(), n.brands(),
        new ConnectorAccounts(n.connectors(), n.board(), ConnectorStores.of(mongo), n.events(), n.clock()),
        new MetaWebhooks(n.connectors().registry(), n.pipeline()), casework, n.slas().policies(), n.assign(),
        n.problems(), publishing.broadcasts(), new ModerationService(stores.mentions(), new ModerationStore(mongo),
            n.connectors().registry(), n.events(), n.clock()),
        new SavedViews(new ViewStore(mongo), n.events(), n.clock()));
  }
}
