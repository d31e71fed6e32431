package io.earshot.config;

import io.earshot.config.EarshotConfig.Demo;
import io.earshot.config.EarshotConfig.Http;
import io.earshot.config.EarshotConfig.Ingest;
import io.earshot.config.EarshotConfig.MongoDurability;
import io.earshot.config.EarshotConfig.Outbound;
import io.earshot.config.EarshotConfig.Security;
import io.earshot.config.EarshotConfig.SignInLimits;
import io.earshot.config.EarshotConfig.Stores;
import io.earshot.config.EarshotConfig.Webhooks;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link EarshotConfig} from an optional JSON file and an environment map (environment
 * wins). Each setting has one JSON key and one variable, e.g. {@code httpPort} /
 * {@code EARSHOT_HTTP_PORT}. Fails with {@link ConfigException} naming the bad setting.
 */
public final class ConfigLoader {
  private final JsonObject file;
  private final Map<String, String> env;

  private ConfigLoader(JsonObject file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** Reads {@code EARSHOT_CONFIG} (default {@code ./earshot.json}, optional) and the env. */
  public static EarshotConfig load(Map<String, String> env) {
    String explicit = env.get("EARSHOT_CONFIG");
    Path path = Path.of(explicit == null ? "earshot.json" : explicit);
    if (explicit != null && !Files.isRegularFile(path)) {
      throw new ConfigException("EARSHOT_CONFIG: no file at " + path.toAbsolutePath());
    }
    return new ConfigLoader(readFile(path), env).build();
  }

  private static JsonObject readFile(Path path) {
    if (!Files.isRegularFile(path)) {
      return new JsonObject();
    }
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException | DecodeException e) {
      throw new ConfigException(path + ": not a readable JSON object (" + e.getMessage() + ")");
    }
  }

  private EarshotConfig build() {
    Stores stores = stores();
    return new EarshotConfig(http(), stores, ingest(), security(), outbound(), demo(stores.embeddedMongo()), sla(),
        assignment());
  }

  private EarshotConfig.Sla sla() {
    return new EarshotConfig.Sla(Duration.ofSeconds(integer("slaWatchSeconds", "EARSHOT_SLA_WATCH_SECONDS", 15, 1, 3600)));
  }

  private EarshotConfig.Assignment assignment() {
    return new EarshotConfig.Assignment(
        Duration.ofMillis(integer("routingIntervalMs", "EARSHOT_ROUTING_INTERVAL_MS", 2000, 50, 600_000)),
        Duration.ofMillis(integer("presenceTtlMs", "EARSHOT_PRESENCE_TTL_MS", 15_000, 200, 600_000)),
        Duration.ofMinutes(integer("replyConfirmMinutes", "EARSHOT_REPLY_CONFIRM_MINUTES", 10, 0, 1440)));
  }

  private Http http() {
    return new Http(integer("httpPort", "EARSHOT_HTTP_PORT", 8080, 0, 65535),
        Path.of(text("webroot", "EARSHOT_WEBROOT", "webroot")),
        Duration.ofSeconds(integer("httpIdleTimeoutSeconds", "EARSHOT_HTTP_IDLE_TIMEOUT_SECONDS", 60, 1, 3600)),
        Duration.ofSeconds(integer("httpBodyTimeoutSeconds", "EARSHOT_HTTP_BODY_TIMEOUT_SECONDS", 30, 1, 3600)),
        integer("httpMaxUploads", "EARSHOT_HTTP_MAX_UPLOADS", 32, 1, 10_000),
        Origins.parse(list("allowedOrigins", "EARSHOT_ALLOWED_ORIGINS"), "EARSHOT_ALLOWED_ORIGINS (allowedOrigins)"),
        Origins.proxies(list("trustedProxies", "EARSHOT_TRUSTED_PROXIES"), "EARSHOT_TRUSTED_PROXIES (trustedProxies)"),
        integer("httpInstances", "EARSHOT_HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256));
  }

  private Stores stores() {
    String mongoUrl = url("mongoUrl", "MONGO_URL", "mongodb");
    // The embedded server serves this process alone, whose every change the index hears as it is
    // told, and it answers the catch-up's query by scanning every case: there it is a rare backstop.
    int catchUpMs = mongoUrl == null ? 300_000 : 1_000;
    return new Stores(Path.of(text("dataDir", "EARSHOT_DATA_DIR", "./data")),
        mongoUrl,
        text("mongoDatabase", "EARSHOT_MONGO_DATABASE", "earshot"),
        url("redisUrl", "REDIS_URL", "redis"),
        new MongoDurability(writeConcern(),
            onOff("mongoJournal", "EARSHOT_MONGO_JOURNAL", true),
            onOff("embeddedFsync", "EARSHOT_EMBEDDED_FSYNC", true)),
        Duration.ofMillis(integer("indexCatchUpMs", "EARSHOT_INDEX_CATCHUP_MS", catchUpMs, 100, 600_000)),
        integer("embeddedCacheMb", "EARSHOT_EMBEDDED_CACHE_MB", defaultEmbeddedCacheMb(), 1, 1_000_000));
  }

  /**
   * A quarter of the heap (at least H2's own 16 MB): the embedded server reads every document
   * by deserializing the page that holds it, and with H2's default 16 MB most of a large
   * {@code cases} collection was read from the file again on each list (bench inbox profile).
   */
  private static int defaultEmbeddedCacheMb() {
    return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
  }

  /** {@code majority} or a number of members ({@code 1}…); never 0, which acknowledges nothing. */
  private String writeConcern() {
    String value = text("mongoWriteConcern", "EARSHOT_MONGO_WRITE_CONCERN", "majority");
    if (!value.equals("majority") && !value.matches("[1-9][0-9]?")) {
      throw new ConfigException("EARSHOT_MONGO_WRITE_CONCERN (mongoWriteConcern): '" + value
          + "' must be majority or a member count 1..99");
    }
    return value;
  }

  private Ingest ingest() {
    return new Ingest(integer("ingestBatchSize", "EARSHOT_INGEST_BATCH_SIZE", 500, 1, 10_000),
        Duration.ofMillis(integer("ingestBatchDelayMs", "EARSHOT_INGEST_BATCH_DELAY_MS", 5, 0, 10_000)),
        Duration.ofHours(integer("reopenWindowHours", "EARSHOT_REOPEN_WINDOW_HOURS", 72, 0, 24 * 365)),
        onOff("analyticsRollups", "EARSHOT_ANALYTICS_ROLLUPS", true));
  }

  private Security security() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Security(text("ingestToken", "EARSHOT_INGEST_TOKEN", null),
        text("adminPassword", "EARSHOT_ADMIN_PASSWORD", null),
        integer("passwordThreads", "EARSHOT_PASSWORD_THREADS", Math.max(1, cores / 2), 1, 64),
        new SignInLimits(integer("signInAccountLimit", "EARSHOT_SIGNIN_ACCOUNT_LIMIT", 20, 1, 10_000),
            integer("signInAddressLimit", "EARSHOT_SIGNIN_ADDRESS_LIMIT", 100, 1, 100_000),
            Duration.ofSeconds(integer("signInMaxBackoffSeconds", "EARSHOT_SIGNIN_MAX_BACKOFF_SECONDS", 900, 1, 86_400))),
        text("metricsToken", "EARSHOT_METRICS_TOKEN", null));
  }

  /** A comma-separated variable, or a JSON array (or comma-separated string) in the file. */
  private List<String> list(String key, String variable) {
    Object fromFile = file.getValue(key);
    String fromEnv = env.get(variable);
    if ((fromEnv == null || fromEnv.isBlank()) && fromFile instanceof JsonArray array) {
      return array.stream().map(String::valueOf).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
    String value = raw(key, variable);
    return value == null ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private Outbound outbound() {
    return new Outbound(Path.of(text("connectorsDir", "EARSHOT_CONNECTORS_DIR", "./connectors")),
        Duration.ofSeconds(integer("connectorLeaseSeconds", "EARSHOT_CONNECTOR_LEASE_SECONDS", 15, 1, 3600)),
        Duration.ofSeconds(integer("publishLeaseSeconds", "EARSHOT_PUBLISH_LEASE_SECONDS", 30, 1, 3600)),
        Duration.ofSeconds(integer("engagementIntervalSeconds", "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", 60, 1, 86_400)),
        webhooks(), pacing(), engagementSchedule());
  }

  /** {@code platform=limit/windowSeconds,…}; the defaults are each platform's documented write limit. */
  private Map<String, EarshotConfig.Pacing> pacing() {
    String variable = "EARSHOT_BROADCAST_PACING";
    List<String> items = list("broadcastPacing", variable);
    if (items.isEmpty()) {
      items = List.of("mastodon=300/300", "bluesky=1666/3600", "x=100/900");
    }
    Map<String, EarshotConfig.Pacing> paces = new java.util.LinkedHashMap<>();
    for (String item : items) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z]+)=(\\d{1,7})/(\\d{1,7})").matcher(item);
      if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(3)) < 1) {
        throw new ConfigException(variable + " (broadcastPacing): '" + item + "' is not platform=limit/windowSeconds");
      }
      paces.put(m.group(1), new EarshotConfig.Pacing(Integer.parseInt(m.group(2)),
          Duration.ofSeconds(Integer.parseInt(m.group(3)))));
    }
    return paces;
  }

  /** When a post's engagement is read, as ages in seconds after it was sent: thinning out as it ages. */
  private List<Duration> engagementSchedule() {
    String variable = "EARSHOT_ENGAGEMENT_SCHEDULE";
    List<String> items = list("engagementScheduleSeconds", variable);
    if (items.isEmpty()) {
      items = List.of("300", "3600", "21600", "86400", "604800");
    }
    List<Duration> ages = new java.util.ArrayList<>();
    for (String item : items) {
      try {
        long seconds = Long.parseLong(item);
        if (seconds < 1 || seconds > 90L * 86_400 || !ages.isEmpty() && seconds <= ages.get(ages.size() - 1).toSeconds()) {
          throw new NumberFormatException();
        }
        ages.add(Duration.ofSeconds(seconds));
      } catch (NumberFormatException e) {
        throw new ConfigException(variable + " (engagementScheduleSeconds): '" + item
            + "' must be ascending whole seconds from 1 to 90 days");
      }
    }
    return List.copyOf(ages);
  }

  private Webhooks webhooks() {
    return new Webhooks(
        Duration.ofSeconds(integer("webhookTimeoutSeconds", "EARSHOT_WEBHOOK_TIMEOUT_SECONDS", 10, 1, 300)),
        Duration.ofSeconds(integer("webhookRetryFirstSeconds", "EARSHOT_WEBHOOK_RETRY_FIRST_SECONDS", 5, 1, 3600)),
        Duration.ofSeconds(integer("webhookRetryMaxSeconds", "EARSHOT_WEBHOOK_RETRY_MAX_SECONDS", 3600, 1, 86_400)),
        Duration.ofSeconds(integer("webhookGiveUpSeconds", "EARSHOT_WEBHOOK_GIVE_UP_SECONDS", 86_400, 1, 30 * 86_400)));
  }

  private Demo demo(boolean embeddedMongo) {
    return new Demo(onOff("sandbox", "EARSHOT_SANDBOX", embeddedMongo),
        Duration.ofMillis(integer("demoMentionIntervalMs", "EARSHOT_DEMO_MENTION_INTERVAL_MS", 11_500, 50, 3_600_000)));
  }

  private String raw(String key, String variable) {
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    Object fromFile = file.getValue(key);
    return fromFile == null ? null : String.valueOf(fromFile).trim();
  }

  private String text(String key, String variable, String fallback) {
    String value = raw(key, variable);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private int integer(String key, String variable, int fallback, int min, int max) {
    String value = raw(key, variable);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new ConfigException(variable + " (" + key + "): " + parsed + " is outside " + min + ".." + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(variable + " (" + key + "): '" + value + "' is not a whole number");
    }
  }

  private boolean onOff(String key, String variable, boolean fallback) {
    String value = raw(key, variable);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase()) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default -> throw new ConfigException(variable + " (" + key + "): '" + value + "' must be on or off");
    };
  }

  private String url(String key, String variable, String scheme) {
    String value = raw(key, variable);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!value.startsWith(scheme + "://") && !value.startsWith(scheme + "s://") && !value.startsWith(scheme + "+srv://")) {
      throw new ConfigException(variable + " (" + key + "): must start with " + scheme + "://");
    }
    return value;
  }
}
