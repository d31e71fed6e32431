package io.earshot.connector;

import io.earshot.connector.budget.AccountBudget;
import io.earshot.domain.ConnectorState;
import io.earshot.domain.ConnectorSwitch;
import io.earshot.domain.ConnectorStatus;
import io.earshot.domain.Platform;
import io.earshot.ingest.IngestPipeline;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All connector accounts of this instance: builds a connector for each enabled account, registers
 * it for publishing, and runs a lease-guarded poller for it. Accounts that cannot run (disabled,
 * unresolved {@code ${VAR}}) are reported on the status board with the reason instead. An admin's
 * switch ({@link io.earshot.domain.ConnectorSwitch}, in MongoDB) pauses and resumes a running
 * account: every instance reads the switches every {@link #SWITCH_CHECK} (and at once when told
 * of a change made through it), so the lease holder stops and the others stay paused.
 */
public final class ConnectorFleet {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorFleet.class);
  /** Reading the switches is one scan of a document per account: cheap enough to do every second. */
  static final Duration SWITCH_CHECK = Duration.ofSeconds(1);
  private final Vertx vertx;
  private final ConnectorFactory factory;
  private final StatusBoard board;
  private final ConnectorStores stores;
  private final IngestPipeline pipeline;
  private final RedisConnection redis;
  private final Duration leaseTtl;
  private final Clock clock;
  private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
  private final ConnectorRegistry registry = new ConnectorRegistry();
  private final List<ConnectorRunner> runners = new ArrayList<>();
  private final List<ConnectorStatus> idle = new ArrayList<>();
  private final List<Configured> configured = new ArrayList<>();
  private volatile io.vertx.core.Context context;
  private long switchTimer = -1;

  /**
   * An account as configured: from its file, and whether it runs on this hub ({@code problem}
   * null) or why not (disabled in its file, an unresolved variable, no connector for it).
   */
  public record Configured(ConnectorAccount account, String problem) {
  }

  public ConnectorFleet(Vertx vertx, ConnectorFactory factory, StatusBoard board, ConnectorStores stores,
                        IngestPipeline pipeline, RedisConnection redis, Duration leaseTtl, Clock clock) {
    this.vertx = vertx;
    this.factory = factory;
    this.board = board;
    this.stores = stores;
    this.pipeline = pipeline;
    this.redis = redis;
    this.leaseTtl = leaseTtl;
    this.clock = clock;
  }

  public void load(List<AccountLoader.Loaded> accounts) {
    for (AccountLoader.Loaded loaded : accounts) {
      ConnectorAccount account = loaded.account();
      if (!account.enabled() || loaded.problem() != null) {
        idle.add(idleStatus(loaded));
        configured.add(new Configured(account, idle.get(idle.size() - 1).detail()));
        continue;
      }
      AccountBudget budget = new AccountBudget(account.name(), account.budget(), stores.budgets(), clock,
          spend -> board.warn(account, spend).onFailure(e -> LOG.debug("budget warning not told: {}", e.toString())));
      Connector connector;
      try {
        connector = factory.create(vertx, account, new ConnectorServices(budget, stores.tokens(), stores.attempts()));
      } catch (IllegalArgumentException e) {
        idle.add(StatusBoard.status(account, ConnectorState.FAILING, e.getMessage(), null, null, 0, 0));
        configured.add(new Configured(account, e.getMessage()));
        continue;
      }
      configured.add(new Configured(account, null));
      registry.add(connector);
      Lease lease = new Lease(redis, "connector:" + account.name(), instanceId, leaseTtl);
      String name = account.name();
      runners.add(new ConnectorRunner(vertx, connector, lease, stores.cursors(), pipeline, board, budget, clock,
          () -> stores.switches().get(name).map(sw -> sw == null || sw.enabled())));
      LOG.info("connector account={} platform={} ready", account.name(), account.platform().code());
    }
  }

  /**
   * Why an account does not run. The default sandbox and demo accounts refer only to what the
   * built-in sandbox provides ({@code EARSHOT_SANDBOX_*}, {@code EARSHOT_DEMO_*}), so with the
   * sandbox off they are simply disabled, not a failure to alarm anyone about.
   */
  private static ConnectorStatus idleStatus(AccountLoader.Loaded loaded) {
    ConnectorAccount account = loaded.account();
    if (!account.enabled()) {
      return StatusBoard.status(account, ConnectorState.DISABLED, "disabled in its account file", null, null, 0, 0);
    }
    if (account.platform() == Platform.SANDBOX && !loaded.missing().isEmpty()) {
      return StatusBoard.status(account, ConnectorState.DISABLED, "the built-in sandbox is off (EARSHOT_SANDBOX)",
          null, null, 0, 0);
    }
    if (isDemoAccount(loaded)) {
      return StatusBoard.status(account, ConnectorState.DISABLED,
          "demo platform: the built-in sandbox is off (EARSHOT_SANDBOX)", null, null, 0, 0);
    }
    return StatusBoard.status(account, ConnectorState.FAILING, loaded.problem(), null, null, 0, 0);
  }

  private static boolean isDemoAccount(AccountLoader.Loaded loaded) {
    return !loaded.missing().isEmpty() && loaded.missing().stream()
        .allMatch(v -> v.startsWith("EARSHOT_SANDBOX_") || v.startsWith("EARSHOT_DEMO_"));
  }

  public Future<Void> start() {
    java.util.Set<String> names = new java.util.HashSet<>();
    registry.all().forEach(c -> names.add(c.account().name()));
    idle.forEach(s -> names.add(s.account()));
    board.retainOnly(names).onFailure(e -> LOG.warn("stale connector statuses not cleared: {}", e.toString()));
    context = vertx.getOrCreateContext();
    return stores.switches().all().compose(switches -> {
      runners.forEach(r -> r.start(enabled(switches, r.account())));
      switchTimer = vertx.setPeriodic(SWITCH_CHECK.toMillis(), id -> applySwitches());
      List<Future<Void>> reports = idle.stream().map(board::publish).toList();
      return Future.join(reports).recover(e -> Future.succeededFuture()).mapEmpty();
    });
  }

  private static boolean enabled(Map<String, ConnectorSwitch> switches, String account) {
    ConnectorSwitch s = switches.get(account);
    return s == null || s.enabled();
  }

  /** Pauses or resumes each runner as its switch says; a failed read keeps things as they are until the next. */
  private void applySwitches() {
    stores.switches().all().onSuccess(switches -> runners.forEach(r -> {
      ConnectorSwitch s = switches.getOrDefault(r.account(), ConnectorSwitch.untouched(r.account()));
      boolean on = s.enabled();
      if (on && !r.enabled()) {
        LOG.info("account={} enabled by {}; polling resumes", r.account(), s.changedBy());
        r.resume();
      } else if (!on && r.enabled()) {
        LOG.info("account={} disabled by {}; polling stops", r.account(), s.changedBy());
        r.pause("disabled by " + s.changedBy() + " at " + s.changedAt());
      }
    })).onFailure(e -> LOG.debug("connector switches not read: {}", e.toString()));
  }

  /** A switch just changed (through this instance): apply it now rather than at the next check. */
  public void switchesChanged() {
    io.vertx.core.Context on = context;
    if (on != null) {
      on.runOnContext(v -> applySwitches());
    }
  }

  /** Every account file read at start-up, in file order, with why it does not run here when it does not. */
  public List<Configured> configured() {
    return List.copyOf(configured);
  }

  public Future<Void> stop() {
    vertx.cancelTimer(switchTimer);
    List<Future<Void>> stops = new ArrayList<>();
    runners.forEach(r -> stops.add(r.stop()));
    registry.all().forEach(c -> stops.add(c.stop()));
    return Future.join(stops).recover(e -> Future.succeededFuture()).mapEmpty();
  }

  /** Accounts this instance polls right now (it holds their lease); the others stand by. */
  public List<String> polling() {
    return runners.stream().filter(ConnectorRunner::polling).map(ConnectorRunner::account).toList();
  }

  /** This instance's identity as a lease owner. */
  public String instanceId() {
    return instanceId;
  }

  public ConnectorRegistry registry() {
    return registry;
  }
}
