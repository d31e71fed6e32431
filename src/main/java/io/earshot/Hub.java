package io.earshot;

import io.earshot.auth.AuthSetup;
import io.earshot.auth.Passwords;
import io.earshot.brand.Brands;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.AccountLoader;
import io.earshot.connector.ConnectorFactory;
import io.earshot.connector.ConnectorFleet;
import io.earshot.connector.ConnectorStores;
import io.earshot.connector.StatusBoard;
import io.earshot.engagement.EngagementTracker;
import io.earshot.inbox.InboxService;
import io.earshot.inbox.PriorityRefresher;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.IngestStores;
import io.earshot.ingest.ThreadingRecovery;
import io.earshot.audit.AuditTrail;
import io.earshot.auth.AccountAudit;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventRelay;
import io.earshot.inbox.CaseChanges;
import io.earshot.live.LiveFanout;
import io.earshot.store.EventQueueStore;
import io.earshot.live.LiveBus;
import io.earshot.publish.ApprovalEscalations;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.publish.ApprovalService;
import io.earshot.publish.PublishStores;
import io.earshot.publish.Publisher;
import io.earshot.publish.ReplyService;
import io.earshot.publish.ReplyTemplates;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.demo.sandbox.DemoBrands;
import io.earshot.demo.sandbox.DemoPlatforms;
import io.earshot.demo.sandbox.SandboxOptions;
import io.earshot.demo.sandbox.SandboxPlatform;
import io.earshot.store.ApprovalPolicyStore;
import io.earshot.store.AuditLog;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.IngestJournal;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ReplyStore;
import io.earshot.store.SettingsStore;
import io.earshot.store.ThreadMoves;
import io.earshot.store.UserStore;
import io.earshot.triage.Scorer;
import io.earshot.web.HttpApi;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one hub instance: starts the embedded servers when no URL is
 * configured, then stores, live fan-out, the sandbox, connectors, the outbox and the HTTP API,
 * in that order, and stops them in reverse. N instances started against the same MongoDB and
 * Redis form one hub.
 */
public final class Hub {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
  /** How often waiting cases have their priority recomputed. */
  private static final Duration PRIORITY_REFRESH = Duration.ofSeconds(60);
  private static final Duration ESCALATION_CHECK = Duration.ofSeconds(15);
  /** How often the event queue is checked for deliveries a crash or a failing listener left. */
  private static final Duration EVENT_RELAY = Duration.ofSeconds(5);
  private final Vertx vertx;
  private final EarshotConfig config;
  private final Map<String, String> env;
  private final Scorer scorer;
  private final ConnectorFactory connectorFactory;
  private final Clock clock = Clock.systemUTC();
  private final Backends backends;
  private MongoStore mongo;
  private RedisConnection redis;
  private LiveBus liveBus;
  private SandboxPlatform sandbox;
  private DemoPlatforms demo;
  private ConnectorFleet connectors;
  private Publisher publisher;
  private EngagementTracker engagement;
  private HttpApi http;
  private AuthSetup auth;
  private IngestPipeline pipeline;
  private long recoveryTimer = -1;
  private PriorityRefresher refresher;
  private ApprovalEscalations escalations;
  private ThreadingRecovery recovery;
  private EventRelay relay;
  private EventDispatcher events;
  private Webhooks webhooks;
  private String ingestToken;
  private int port;

  private Hub(Vertx vertx, EarshotConfig config, Map<String, String> env, Scorer scorer,
              ConnectorFactory connectorFactory) {
    this.vertx = vertx;
    this.config = config;
    this.env = env;
    this.scorer = scorer;
    this.connectorFactory = connectorFactory;
    this.backends = new Backends(vertx, config);
  }

  /** Starts an instance; {@code env} supplies {@code ${VAR}} values for connector accounts. */
  public static Future<Hub> start(Vertx vertx, EarshotConfig config, Map<String, String> env,
                                  Scorer scorer, ConnectorFactory connectorFactory) {
    Hub hub = new Hub(vertx, config, env, scorer, connectorFactory);
    LOG.info("starting Earshot: {}", config.redacted());
    return hub.backends.start()
        .onSuccess(v -> hub.takeBackends())
        .compose(v -> hub.startSandbox())
        .compose(v -> hub.startServices())
        .map(hub)
        .recover(error -> hub.close().transform(closed -> Future.failedFuture(error)));
  }

  private void takeBackends() {
    mongo = backends.mongo();
    redis = backends.redis();
    liveBus = backends.liveBus();
  }

  private Future<Void> startSandbox() {
    if (!config.demo().sandbox()) {
      return Future.succeededFuture();
    }
    sandbox = new SandboxPlatform(vertx, SandboxOptions.live(Passwords.token(), System.nanoTime()));
    demo = new DemoPlatforms(vertx, config.demo().mentionInterval().toMillis(), System.nanoTime());
    return sandbox.start(0).onSuccess(p -> LOG.info("sandbox platform streaming at {}", sandbox.baseUrl()))
        .compose(p -> demo.start())
        .onSuccess(v -> LOG.info("demo platforms (Mastodon, Bluesky, X emulators) streaming every ~{} ms",
            config.demo().mentionInterval().toMillis()));
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
    }).compose(v -> wire(auth));
  }

  private Future<Void> wire(AuthSetup auth) {
    MentionStore mentions = new MentionStore(mongo);
    CaseStore cases = new CaseStore(mongo);
    CustomerStore customers = new CustomerStore(mongo);
    ReplyStore replies = new ReplyStore(mongo);
    AuditLog audit = new AuditLog(mongo);
    webhooks = new Webhooks(vertx, mongo, config.outbound().webhooks(), clock);
    events = eventSpine(audit);
    Brands brands = new Brands(mongo, events, clock);
    IngestStores ingestStores = new IngestStores(mentions, new IngestJournal(mongo), cases, customers, replies,
        new ThreadMoves(mongo), scorer, events, clock, config.ingest().reopenWindow());
    pipeline = new IngestPipeline(vertx, ingestStores, brands.directory(), config.ingest().batchSize(),
        config.ingest().batchDelay().toMillis());
    recovery = new ThreadingRecovery(ingestStores);
    scheduleRecovery(recovery);
    StatusBoard board = new StatusBoard(redis, events);
    connectors = new ConnectorFleet(vertx, connectorFactory, board, ConnectorStores.of(mongo), pipeline, redis,
        config.outbound().connectorLease(), clock);
    if (!java.nio.file.Files.isDirectory(config.outbound().connectorsDir())) {
      LOG.warn("no connector accounts: {} is not a directory (EARSHOT_CONNECTORS_DIR)", config.outbound().connectorsDir().toAbsolutePath());
    }
    List<AccountLoader.Loaded> accounts = AccountLoader.load(config.outbound().connectorsDir(), variables());
    PublishStores publishStores = new PublishStores(replies, mentions, cases, events);
    publisher = new Publisher(vertx, publishStores, connectors.registry(), clock, config.outbound().publishLease());
    engagement = engagementTracker(replies, events);
    ReplyTemplates templates = new ReplyTemplates(config.http().webroot().resolve("templates/replies"));
    ApprovalPolicies approvalPolicies = new ApprovalPolicies(new ApprovalPolicyStore(mongo), customers,
        new UserStore(mongo), events, clock);
    ApprovalService approvals = new ApprovalService(publishStores, connectors.registry(), publisher, clock);
    escalations = new ApprovalEscalations(vertx, publishStores,
        new Lease(redis, "approval-escalations", connectors.instanceId(), ESCALATION_CHECK.multipliedBy(3)), clock);
    escalations.start(ESCALATION_CHECK);
    ReplyService replyService = new ReplyService(publishStores, connectors.registry(), templates, approvalPolicies,
        publisher, clock);
    InboxService inbox = new InboxService(cases, mentions, replies, customers);
    CaseChanges caseChanges = new CaseChanges(cases, events, clock);
    refresher = new PriorityRefresher(vertx, cases, scorer, events,
        new Lease(redis, "priority-refresh", connectors.instanceId(), PRIORITY_REFRESH.multipliedBy(2)), clock);
    refresher.start(PRIORITY_REFRESH);
    http = new HttpApi(vertx, new HttpApi.Services(pipeline, ingestToken, auth.auth(), auth.users(), inbox,
        caseChanges, replyService, templates, mentions, mongo, redis, board,
        new AccountAudit(events, new UserStore(mongo), clock), webhooks.service(events), approvals, approvalPolicies,
        brands),
        config.http());
    return brands.start(config.outbound().connectorsDir(), AccountLoader.brands(accounts),
            sandbox == null ? List.of() : DemoBrands.drafts())
        .compose(known -> {
          connectors.load(AccountLoader.withKnownBrands(accounts, known));
          return recoverAtStart();
        }).compose(v -> connectors.start()).compose(v -> {
      publisher.start();
      engagement.start();
      webhooks.start();
      return http.listen(config.http().port());
    }).onSuccess(p -> {
      port = p;
      LOG.info("Earshot is up: dashboard at http://localhost:{}/", p);
    }).mapEmpty();
  }

  /**
   * The lease outlives three rounds, so its holder renews it every round with room to spare, and
   * an instance that dies without releasing it is replaced after about three intervals.
   */
  private EngagementTracker engagementTracker(ReplyStore replies, EventDispatcher events) {
    Duration every = config.outbound().engagementInterval();
    Lease lease = new Lease(redis, "engagement", UUID.randomUUID().toString(), every.multipliedBy(3));
    return new EngagementTracker(vertx, replies, connectors.registry(), events, lease, clock, every);
  }

  /**
   * The event dispatcher with this instance's listeners: live fan-out, audit log, webhooks. The
   * relay re-delivers what a crash or a failing durable listener left in the event queue.
   */
  private EventDispatcher eventSpine(AuditLog audit) {
    EventQueueStore queue = new EventQueueStore(mongo);
    EventDispatcher dispatcher = new EventDispatcher(queue, clock);
    dispatcher.register(new LiveFanout(liveBus));
    dispatcher.register(new AuditTrail(audit));
    dispatcher.register(webhooks.listener());
    relay = new EventRelay(vertx, queue, dispatcher, clock);
    relay.start(EVENT_RELAY);
    return dispatcher;
  }

  /** Connector accounts see the environment plus where this instance's sandbox and demo platforms listen. */
  private Map<String, String> variables() {
    Map<String, String> vars = new HashMap<>(env);
    if (sandbox != null) {
      vars.put("EARSHOT_SANDBOX_URL", sandbox.baseUrl());
      vars.put("EARSHOT_SANDBOX_TOKEN", sandbox.token());
    }
    if (demo != null) {
      vars.putAll(demo.variables());
    }
    return vars;
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

  private void scheduleRecovery(ThreadingRecovery recovery) {
    recoveryTimer = vertx.setPeriodic(30_000, id -> recovery.sweep()
        .onFailure(e -> LOG.warn("threading recovery failed: {}", e.toString())));
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

  /** Finishes interrupted ingest batches now, instead of at the next periodic sweep. */
  Future<Integer> recoverInterruptedBatches() {
    return recovery.sweep();
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
    return demo;
  }

  /** Stops everything this instance started, in reverse order; never fails. */
  public Future<Void> close() {
    vertx.cancelTimer(recoveryTimer);
    if (refresher != null) {
      refresher.stop();
    }
    if (escalations != null) {
      escalations.stop();
    }
    if (publisher != null) {
      publisher.stop();
    }
    if (relay != null) {
      relay.stop();
    }
    Future<Void> httpClosed = http == null ? Future.succeededFuture() : http.close();
    return httpClosed.eventually(() -> webhooks == null ? Future.succeededFuture() : webhooks.stop())
        .eventually(() -> engagement == null ? Future.succeededFuture() : engagement.stop())
        .eventually(() -> connectors == null ? Future.succeededFuture() : connectors.stop())
        .eventually(() -> sandbox == null ? Future.succeededFuture() : sandbox.stop())
        .eventually(() -> demo == null ? Future.succeededFuture() : demo.stop())
        .eventually(() -> auth == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
          auth.close(); // closes a Redis subscription: blocking, so off the event loop
          return null;
        }))
        .eventually(backends::close)
        .recover(e -> Future.succeededFuture())
        .mapEmpty();
  }

}
