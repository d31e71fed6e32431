package io.earshot;

import io.earshot.assign.Assign;
import io.earshot.analytics.Analytics;
import io.earshot.audit.AuditTrail;
import io.earshot.auth.AccountAudit;
import io.earshot.auth.AuthSetup;
import io.earshot.auth.Passwords;
import io.earshot.brand.Brands;
import io.earshot.casework.Casework;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.AccountLoader;
import io.earshot.connector.ConnectorAccounts;
import io.earshot.connector.ConnectorFactory;
import io.earshot.connector.ConnectorFleet;
import io.earshot.connector.meta.MetaWebhooks;
import io.earshot.connector.ConnectorStores;
import io.earshot.connector.StatusBoard;
import io.earshot.demo.sandbox.DemoPlatforms;
import io.earshot.events.EventDispatcher;
import io.earshot.moderation.ModerationService;
import io.earshot.store.ModerationStore;
import io.earshot.events.EventRelay;
import io.earshot.inbox.CaseChanges;
import io.earshot.find.Finder;
import io.earshot.find.WaitingCases;
import io.earshot.inbox.InboxService;
import io.earshot.inbox.PriorityRefresher;
import io.earshot.inbox.SavedViews;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.IngestStores;
import io.earshot.ingest.ThreadingRecovery;
import io.earshot.live.LiveBus;
import io.earshot.live.LiveFanout;
import io.earshot.live.LiveNotices;
import io.earshot.metrics.HubMetrics;
import io.earshot.metrics.LoopDelayProbe;
import io.earshot.problem.Problems;
import io.earshot.publish.ApprovalEscalations;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.runtime.CaseworkVerticle;
import io.earshot.runtime.ConnectorVerticle;
import io.earshot.runtime.DetectionVerticle;
import io.earshot.runtime.Deployments;
import io.earshot.runtime.HttpVerticle;
import io.earshot.runtime.HubVertx;
import io.earshot.runtime.IngestVerticle;
import io.earshot.runtime.MaintenanceVerticle;
import io.earshot.runtime.SlaVerticle;
import io.earshot.sla.Slas;
import io.earshot.runtime.RoutingVerticle;
import io.earshot.store.AuditLog;
import io.earshot.store.EventQueueStore;
import io.earshot.store.IngestJournal;
import io.earshot.store.MongoStore;
import io.earshot.store.NoteStore;
import io.earshot.store.ViewStore;
import io.earshot.store.SnoozeStore;
import io.earshot.store.QueueDepths;
import io.earshot.store.SettingsStore;
import io.earshot.store.ThreadMoves;
import io.earshot.store.UserStore;
import io.earshot.triage.Scorer;
import io.earshot.web.HttpApi;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
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
    SettingsStore settings = new SettingsStore(mongo);
    Future<String> token = config.security().ingestToken() != null ? Future.succeededFuture(config.security().ingestToken())
        : settings.getOrCreate("ingestToken", Passwords.token()).map(stored -> {
          if (stored.created()) {
            LOG.warn("ingest token (generated once, kept in settings): {} (set EARSHOT_INGEST_TOKEN to choose one)",
                stored.value());
          }
          return stored.value();
        });
    return token.compose(t -> {
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
    events = eventSpine(new AuditLog(mongo));
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
    IngestStores ingestStores = new IngestStores(stores.mentions(), new IngestJournal(mongo), stores.cases(),
        stores.customers(), stores.replies(), new ThreadMoves(mongo), scorer, events, clock,
        config.ingest().reopenWindow());
    recovery = new ThreadingRecovery(ingestStores);
    return startFinder()
        .compose(v -> deployments.deploy("loop-delay-probe", () -> new LoopDelayProbe(runtime.registry()),
            runtime.eventLoops()))
        .compose(v -> problems.createIndexes())
        .compose(v -> warmUpScorer())
        .compose(v -> deployments.deploy("ingest", new IngestVerticle(ingestStores, brands.directory(), config.ingest())))
        .compose(ingest -> {
          pipeline = ingest.pipeline();
          return recoverAtStart();
        })
        .compose(v -> startConnectors())
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

  /** Scoring runs inline on the ingest loop, so the models it loads once are loaded here, on a worker. */
  private Future<Void> warmUpScorer() {
    long t0 = System.nanoTime();
    return backends.blocking(() -> {
      scorer.warmUp();
      return null;
    }).onSuccess(v -> LOG.debug("scorer warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000)).mapEmpty();
  }

  /** Account files are read on the lifecycle pool: reading files is blocking, even at start-up. */
  private Future<Void> startConnectors() {
    board = new StatusBoard(redis, events);
    connectors = new ConnectorFleet(vertx, connectorFactory, board, ConnectorStores.of(mongo), pipeline, redis,
        config.outbound().connectorLease(), clock);
    Path dir = config.outbound().connectorsDir();
    Map<String, String> vars = demo.variables(env);
    return backends.blocking(() -> {
      if (!Files.isDirectory(dir)) {
        LOG.warn("no connector accounts: {} is not a directory (EARSHOT_CONNECTORS_DIR)", dir.toAbsolutePath());
      }
      return AccountLoader.load(dir, vars);
    }).compose(accounts -> brands.start(dir, AccountLoader.brands(accounts),
            demo.brands())
        .compose(known -> brands.migratedAtStart() ? finder.rebuild().map(known) : Future.succeededFuture(known))
        .compose(known -> {
          connectors.load(AccountLoader.withKnownBrands(accounts, known));
          return deployments.deploy("connectors", new ConnectorVerticle(connectors));
        })).mapEmpty();
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

  /**
   * Every instance listens on the configured port, and Vert.x hands each connection to the next
   * instance. Port 0 would give each instance a port of its own; a negative port is Vert.x's
   * shared random port, so all instances share the one the system picks for the first.
   */
  private Future<Integer> startHttp(HubStores stores, HubPublishing publishing) {
    CaseChanges caseChanges = new CaseChanges(stores.cases(), new SnoozeStore(mongo), events, clock, assign.facts());
    casework = Casework.wire(vertx, mongo, redis, connectors.instanceId(), stores.cases(), stores.customers(),
        caseChanges, events, clock);
    http = new HttpApi(vertx, new HttpApi.Services(pipeline, ingestToken, auth.auth(), auth.users(),
        new InboxService(stores.cases(), stores.mentions(), stores.replies(), stores.customers(), new NoteStore(mongo),
            finder),
        caseChanges, publishing.replies(), publishing.templates(),
        stores.mentions(), mongo, redis, board, new AccountAudit(events, new UserStore(mongo), clock),
        webhooks.service(events), publishing.approvals(), publishing.policies(), brands,
        new ConnectorAccounts(connectors, board, ConnectorStores.of(mongo), events, clock),
        new MetaWebhooks(connectors.registry(), pipeline), casework, slas.policies(), assign, problems,
        publishing.broadcasts(), new ModerationService(stores.mentions(), new ModerationStore(mongo),
            connectors.registry(), events, clock), new SavedViews(new ViewStore(mongo), events, clock)), config.http(),
        new HttpApi.Metrics(metrics::scrape, HubMetrics.CONTENT_TYPE, config.security().metricsToken()));
    metrics.uploads(() -> http.uploadsInFlight(true), () -> http.uploadsInFlight(false));
    int more = config.http().instances() - 1;
    int listen = config.http().port() == 0 ? -1 : config.http().port();
    return deployments.deploy("casework", new CaseworkVerticle(casework.waker()))
        .compose(v -> deployments.deploy("http", new HttpVerticle(http, listen, runtime.registry())))
        .compose(first -> {
          Future<Void> others = more == 0 ? Future.succeededFuture()
              : deployments.deploy("http", () -> new HttpVerticle(http, listen, runtime.registry()), more);
          return others.map(first.actualPort());
        });
  }

  /**
   * The event dispatcher with this instance's listeners: live fan-out, audit log, webhooks,
   * the metrics' counts and the analytics rollups. The relay (started with the maintenance verticle) re-delivers what a
   * crash or a failing durable listener left in the event queue.
   */
  private EventDispatcher eventSpine(AuditLog audit) {
    EventQueueStore queue = new EventQueueStore(mongo);
    EventDispatcher dispatcher = new EventDispatcher(queue, clock);
    dispatcher.register(new LiveFanout(liveBus));
    dispatcher.register(new LiveNotices(liveBus));
    dispatcher.register(new AuditTrail(audit));
    dispatcher.register(webhooks.listener());
    dispatcher.register(metrics.listener());
    if (config.ingest().analyticsRollups()) {
      Analytics.listeners(mongo, config.stores().embeddedMongo()).forEach(dispatcher::register);
    }
    relay = new EventRelay(vertx, queue, dispatcher, clock);
    return dispatcher;
  }

  /**
   * The embedded store serves this process only, so every journal entry in it is from a process
   * that died: finish them all before taking mentions. A shared MongoDB may have live batches of
   * other instances; the periodic sweep takes those once they are old enough.
   */
  private Future<Void> recoverAtStart() {
    if (!config.stores().embeddedMongo()) {
      return Future.succeededFuture();
    }
    return recovery.recoverAll().onSuccess(n -> {
      if (n > 0) {
        LOG.warn("finished {} mentions of ingest batches interrupted by the last stop", n);
      }
    }).<Void>mapEmpty().recover(e -> {
      LOG.error("recovering interrupted ingest batches failed; the periodic sweep retries: {}", e.toString());
      return Future.succeededFuture();
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
