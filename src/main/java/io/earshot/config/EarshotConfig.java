package io.earshot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The hub's whole configuration, built once in {@code Main} from {@code earshot.json} plus the
 * environment (environment wins) by {@link ConfigLoader}, grouped by concern. A null
 * {@code mongoUrl}/{@code redisUrl} means "start the embedded server". Secrets are null when not
 * configured: the hub then generates them once and keeps them in MongoDB so every instance agrees.
 */
public record EarshotConfig(Http http, Stores stores, Ingest ingest, Security security,
                            Outbound outbound, Demo demo, Sla sla,
                            Assignment assignment) {

  /**
   * The HTTP face: port, dashboard files, how long a connection may idle and a request body may
   * take, how many bodies may be read at once, and who may stand in front of the hub: extra
   * origins the dashboard is served from (a proxy's public name) and the proxies whose
   * {@code X-Forwarded-For}/{@code X-Forwarded-Proto} are believed (addresses or CIDR ranges);
   * and how many HTTP verticle instances (each on its own event loop) share the port.
   */
  public record Http(int port, Path webroot, Duration idleTimeout, Duration bodyTimeout, int maxUploads,
                     List<String> allowedOrigins, List<String> trustedProxies, int instances) {
  }

  /**
   * Where durable and shared state lives; {@code indexCatchUp}: how often the inbox index asks
   * MongoDB for cases changed by other instances (the backstop of the live feed);
   * {@code embeddedCacheMb}: the embedded server's page cache (H2's {@code MVStore}) in MB.
   */
  public record Stores(Path dataDir, String mongoUrl, String mongoDatabase, String redisUrl,
                       MongoDurability mongoDurability, Duration indexCatchUp, int embeddedCacheMb) {
    public boolean embeddedMongo() {
      return mongoUrl == null;
    }
  }

  /**
   * How acknowledged writes are made durable. Against a real MongoDB: the write concern
   * ({@code majority} by default) and whether the journal must have it ({@code journal});
   * on the embedded server: whether a group commit is also forced to the disk ({@code fsync}),
   * beyond surviving the hub process being killed.
   */
  public record MongoDurability(String writeConcern, boolean journal, boolean embeddedFsync) {
  }

  /**
   * The ingest pipeline and threading; {@code analyticsRollups}: whether this instance keeps the
   * analytics rollups from its events (off only to measure what they cost; rebuild them after).
   */
  public record Ingest(int batchSize, Duration batchDelay, Duration reopenWindow, boolean analyticsRollups) {
  }

  /**
   * Secrets and sign-in: the password-hashing pool and the wrong-password throttle; the bearer
   * token {@code GET /metrics} requires (null: the endpoint is off).
   */
  public record Security(String ingestToken, String adminPassword, int passwordThreads, SignInLimits signIn,
                         String metricsToken) {
  }

  /**
   * Wrong passwords allowed per minute for one account and for one client address before that
   * account or address must wait; each wait doubles, up to {@code maxBackoff}.
   */
  public record SignInLimits(int perAccount, int perAddress, Duration maxBackoff) {
  }

  /** Connector accounts and what goes out through them (replies, and events to webhooks). */
  public record Outbound(Path connectorsDir, Duration connectorLease, Duration publishLease,
                         Duration engagementInterval, Webhooks webhooks, Map<String, Pacing> broadcastPacing,
                         List<Duration> engagementSchedule) {
  }

  /**
   * A platform's limit for one account's broadcast posts and notices: {@code limit} requests in
   * any {@code window} (the broadcast runner paces below it; see {@code broadcast/NoticePacer}).
   */
  public record Pacing(int limit, Duration window) {
  }

  /**
   * Outgoing webhook delivery: how long a receiver may take to answer, the retry back-off
   * (doubling from {@code firstRetry} up to {@code maxRetry}) and when to give an event up.
   */
  public record Webhooks(Duration timeout, Duration firstRetry, Duration maxRetry, Duration giveUpAfter) {
  }

  /** SLA clocks: how often the watcher looks for targets that warn or fall due. */
  public record Sla(Duration watchInterval) {
  }

  /** The built-in sandbox and demo platforms. */
  public record Demo(boolean sandbox, Duration mentionInterval) {
  }

  /**
   * Assignment and collision: how often auto-assignment runs a round, how long a viewing/typing
   * signal lasts without being refreshed, and for how long after a reply to a mention a second
   * reply to it needs confirmation.
   */
  public record Assignment(Duration routingInterval, Duration presenceTtl, Duration replyConfirmWindow) {
  }

  /** A loggable form: secrets show only whether they are set. */
  public String redacted() {
    return "httpPort=" + http.port() + " dataDir=" + stores.dataDir()
        + " mongo=" + (stores.mongoUrl() == null ? "embedded" : redactUrl(stores.mongoUrl()))
        + " writeConcern=" + stores.mongoDurability().writeConcern()
        + (stores.mongoDurability().journal() ? "+journal" : "")
        + " redis=" + (stores.redisUrl() == null ? "embedded" : redactUrl(stores.redisUrl()))
        + " sandbox=" + (demo.sandbox() ? "on" : "off")
        + " ingestToken=" + (security.ingestToken() == null ? "generated" : "set")
        + " adminPassword=" + (security.adminPassword() == null ? "generated" : "set")
        + " metricsToken=" + (security.metricsToken() == null ? "unset (GET /metrics off)" : "set")
        + " httpInstances=" + http.instances()
        + " connectorsDir=" + outbound.connectorsDir()
        + " allowedOrigins=" + http.allowedOrigins() + " trustedProxies=" + http.trustedProxies();
  }

  private static String redactUrl(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
