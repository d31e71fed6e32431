package io.earshot;

import io.earshot.assign.Assign;
import io.earshot.auth.AuthSetup;
import io.earshot.brand.Brands;
import io.earshot.casework.Casework;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.ConnectorFactory;
import io.earshot.connector.ConnectorFleet;
import io.earshot.connector.StatusBoard;
import io.earshot.demo.sandbox.DemoPlatforms;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventRelay;
import io.earshot.find.Finder;
import io.earshot.find.WaitingCases;
import io.earshot.inbox.PriorityRefresher;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.ThreadingRecovery;
import io.earshot.live.LiveBus;
import io.earshot.metrics.HubMetrics;
import io.earshot.metrics.LoopDelayProbe;
import io.earshot.problem.Problems;
import io.earshot.publish.ApprovalEscalations;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.runtime.DetectionVerticle;
import io.earshot.runtime.Deployments;
import io.earshot.runtime.HubVertx;
import io.earshot.runtime.MaintenanceVerticle;
import io.earshot.runtime.SlaVerticle;
import io.earshot.sla.Slas;
import io.earshot.runtime.RoutingVerticle;
import io.earshot.store.MongoStore;
import io.earshot.store.QueueDepths;
import io.earshot.triage.Scorer;
import io.earshot.web.HttpApi;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one hub instance: starts the embedded servers when no URL is
 * configured, then stores, the event spine, the sandbox, and the verticles — ingest, connectors,
 * publishing, maintenance, then the HTTP API in several instances — in that order, and stops
 * them in reverse. Which verticle runs what is drawn in {@code docs/ARCHITECTURE.md}. N
 * instances started against the same MongoDB and Redis form one hub.
 */
public final class Hub {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
  private final HubVertx runtime;
  private final Vertx vertx;
  private final EarshotConfig config;
  private final Map<String, String> env;
  private final Scorer scorer;
  private final ConnectorFactory connectorFactory;
  private final Clock clock = Clock.systemUTC();
  private final Backends backends;
  private final Deployments deployments;
  private MongoStore mongo;
  private RedisConnection redis;
  private LiveBus liveBus;
  private final HubDemo demo;
  private ConnectorFleet connectors;
  private StatusBoard board;
  private HttpApi http;
  private AuthSetup auth;
  private IngestPipeline pipeline;
  private PriorityRefresher refresher;
  private ApprovalEscalations escalations;
  private ThreadingRecovery recovery;
  private EventRelay relay;
  private EventDispatcher events;
  private Webhooks webhooks;
  private HubMetrics metrics;
  private Brands brands;
  private Casework casework;
  private Slas slas;
  private Assign assign;
  private Problems problems;
  private String ingestToken;
  private int port;
  private Finder finder;

  private Hub(HubVertx runtime, EarshotConfig config, Map<String, String> env, Scorer scorer,
              ConnectorFactory connectorFactory) {
    this.runtime = runtime;
    this.vertx = runtime.vertx();
    this.config = config;
    this.env = env;
    this.scorer = scorer;
    this.connectorFactory = connectorFactory;
    this.backends = new Backends(vertx, config);
    this.deployments = new Deployments(vertx);
    this.demo = new HubDemo(vertx, config.demo());
  }

  /**
   * Starts an instance on {@code runtime} (see {@link HubVertx#create}); {@code env} supplies
   * {@code ${VAR}} values for connector accounts.
   */
  public static Future<Hub> start(HubVertx runtime, EarshotConfig config, Map<String, String> env,
                                  Scorer scorer, ConnectorFactory connectorFactory) {
    Hub hub = new Hub(runtime, config, env, scorer, connectorFactory);
    LOG.info("starting Earshot: {}", config.redacted());
    return hub.backends.start()
        .onSuccess(v -> hub.takeBackends())
        .compose(v -> hub.demo.start())
        .compose(v -> hub.startServices())
        .map(hub)
        .recover(error -> hub.close().transform(closed -> Future.failedFuture(error)));
  }

  private void takeBackends() {
    mongo = backends.mongo();
    redis = backends.redis();
    liveBus = backends.liveBus();
  }

  private Future<Void> startServices() {
    return HubIngest.token(config, mongo).compose(t -> {
      ingestToken = t;
      return AuthSetup.start(vertx, mongo, redis, config.security(), clock);
    }).compose(setup -> {
      auth = setup;
      return setup.auth().ensureFirstAdmin(config.security().adminPassword());
    }).compose(v -> wire());
  }

  /** Every verticle in order: each step needs what the one before started. */
  private Future<Void> wire() {
    metrics = new HubMetrics(runtime.registry(), new QueueDepths(mongo), backends.embeddedCommits(), clock);
    webhooks = new Webhooks(vertx, mongo, config.outbound().webhooks(), clock, runtime.registry());
    HubEvents spine = HubEvents.wire(vertx, config, mongo, liveBus, webhooks, metrics, clock);
    events = spine.dispatcher();
    relay = spine.relay();
    HubStores stores = new HubStores(mongo);
    problems = new Problems(mongo, redis, stores.cases(), events, UUID.randomUUID().toString(), clock);
    brands = new Brands(mongo, events, clock);
    Duration slaWatch = config.sla().watchInterval();
    slas = new Slas(vertx, mongo, stores.cases(), brands.directory(), events,
        new Lease(redis, "sla-watch", UUID.randomUUID().toString(), slaWatch.multipliedBy(3)), slaWatch, clock);
    assign = new Assign(new Assign.Needs(vertx, mongo, redis, liveBus, events, brands.directory(),
        UUID.randomUUID().toString(),
        config.assignment(), waiting(stores), clock));
    events.register(assign.listener());
    return startFinder()
        .compose(v -> deployments.deploy("loop-delay-probe", () -> new LoopDelayProbe(runtime.registry()),
            runtime.eventLoops()))
        .compose(v -> problems.createIndexes())
        .compose(v -> HubIngest.start(new HubIngest.Needs(config, mongo, stores, scorer, events, brands.directory(),
            backends, deployments, clock)))
        .compose(ingest -> {
          pipeline = ingest.pipeline();
          recovery = ingest.recovery();
          return startConnectors();
        })
        .compose(v -> HubPublishing.start(new HubPublishing.Needs(vertx, config, mongo, redis, events, connectors,
            brands, webhooks, backends, deployments, assign.collisions(), clock), stores))
        .compose(publishing -> startMaintenance(stores, publishing).map(publishing))
        .compose(publishing -> deployments.deploy("sla", new SlaVerticle(slas)).map(publishing))
        .compose(publishing -> deployments.deploy("routing", new RoutingVerticle(assign.assigner(),
            config.assignment().routingInterval())).map(publishing))
        .compose(publishing -> deployments.deploy("detection", new DetectionVerticle(problems.evaluator())).map(publishing))
        .compose(publishing -> startHttp(stores, publishing))
        .onSuccess(p -> {
          port = p;
          LOG.info("Earshot is up: dashboard at http://localhost:{}/ ({} HTTP event loops)", p, config.http().instances());
        }).mapEmpty();
  }

  /**
   * The inbox index (rebuilt from MongoDB when missing), listening before ingest starts so it
   * hears every change; what it missed meanwhile its catch-up finds by {@code updatedAt}.
   */
  private Future<Void> startFinder() {
    return Finder.start(vertx, mongo, config.stores().dataDir(), config.stores().indexCatchUp(),
            config.stores().embeddedMongo(), clock)
        .onSuccess(f -> {
          finder = f;
          events.register(f.listener());
        }).mapEmpty();
  }

  /**
   * The waiting cases, from the inbox index; the index starts after the wiring that needs this,
   * and is asked only from the rounds, which begin once it is up.
   */
  private WaitingCases waiting(HubStores stores) {
    return new WaitingCases((statuses, limit) -> finder.leastRecentlyChanged(statuses, limit), stores.cases());
  }

  private Future<Void> startConnectors() {
    return HubConnectors.start(new HubConnectors.Needs(vertx, config, demo.variables(env), demo, mongo, redis, events,
        pipeline, connectorFactory, brands, finder, backends, deployments, clock)).onSuccess(started -> {
          connectors = started.fleet();
          board = started.board();
        }).mapEmpty();
  }

  private Future<Void> startMaintenance(HubStores stores, HubPublishing publishing) {
    refresher = new PriorityRefresher(vertx, new PriorityRefresher.Stores(waiting(stores), stores.cases()), scorer,
        events, new Lease(redis, "priority-refresh", connectors.instanceId(),
        MaintenanceVerticle.PRIORITY_REFRESH.multipliedBy(2)), clock);
    escalations = new ApprovalEscalations(vertx, publishing.stores(), new Lease(redis,
        "approval-escalations", connectors.instanceId(), MaintenanceVerticle.ESCALATION_CHECK.multipliedBy(3)), clock);
    return deployments.deploy("maintenance", new MaintenanceVerticle(relay, recovery, refresher, escalations))
        .mapEmpty();
  }

  private Future<Integer> startHttp(HubStores stores, HubPublishing publishing) {
    return HubHttp.start(new HubHttp.Needs(runtime, config, mongo, redis, events, pipeline, ingestToken, auth, finder,
        connectors, board, webhooks, brands, slas, assign, problems, metrics, deployments, clock), stores, publishing)
        .map(served -> {
          http = served.api();
          casework = served.casework();
          return served.port();
        });
  }

  public int port() {
    return port;
  }

  public String ingestToken() {
    return ingestToken;
  }

  /** The ingest entrance, for benchmarks that offer mentions without HTTP. */
  public IngestPipeline pipeline() {
    return pipeline;
  }

  /** Recomputes waiting cases' priorities as of {@code asOf}, instead of at the next round. */
  Future<Integer> refreshPriorities(java.time.Instant asOf) {
    return refresher.refresh(asOf);
  }

  /** Tells the SLA warnings and breaches due as of {@code asOf}, instead of at the next round. */
  Future<Integer> watchSlas(java.time.Instant asOf) {
    return slas.watcher().watch(asOf);
  }

  /** Escalates replies held past their rule's time as of {@code asOf}, instead of at the next round. */
  Future<Integer> escalateApprovals(java.time.Instant asOf) {
    return escalations.escalate(asOf);
  }

  /** Returns snoozed cases whose time came as of {@code asOf}, instead of at the next round. */
  Future<Integer> wakeSnoozed(java.time.Instant asOf) {
    return casework.waker().wake(asOf);
  }

  /** Finishes interrupted ingest batches now, instead of at the next periodic sweep. */
  Future<Integer> recoverInterruptedBatches() {
    return recovery.sweep();
  }

  /** Assignment of this instance: teams, the routing policy and the auto-assigner (tests run its rounds). */
  public Assign assign() {
    return assign;
  }

  /** The inbox index of this instance. */
  public Finder finder() {
    return finder;
  }

  /** Where this instance tells what changed; listeners registered here see every change from now on. */
  public EventDispatcher events() {
    return events;
  }

  public MongoStore mongo() {
    return mongo;
  }

  /** The HTTP API, whose route table tests read. */
  public HttpApi http() {
    return http;
  }

  /** Sign-in and people management of this instance. */
  public AuthSetup auth() {
    return auth;
  }

  public ConnectorFleet connectors() {
    return connectors;
  }

  /** The demo platforms' emulators in sandbox mode, else null. */
  public DemoPlatforms demo() {
    return demo.platforms();
  }

  /** This instance's metrics (what {@code GET /metrics} renders). */
  public HubMetrics metrics() {
    return metrics;
  }

  /** Stops everything this instance started, in reverse order; never fails. */
  public Future<Void> close() {
    return deployments.undeployAll()
        .eventually(() -> finder == null ? Future.succeededFuture() : finder.close())
        .eventually(demo::stop)
        .eventually(() -> auth == null ? Future.succeededFuture() : backends.blocking(() -> {
          auth.close(); // closes a Redis subscription: blocking, so off the event loop
          return null;
        }))
        .eventually(backends::close)
        .recover(e -> Future.succeededFuture())
        .mapEmpty();
  }

}
