package io.earshot.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The hub's whole configuration, built once in {@code Main} from {@code earshot.json} plus the
 * environment (environment wins) by {@link ConfigLoader}. A null {@code mongoUrl}/{@code redisUrl}
 * means "start the embedded server". Secrets are null when not configured: the hub then
 * generates them once and keeps them in MongoDB so every instance agrees.
 */
public record EarshotConfig(
    int httpPort,
    Path dataDir,
    String mongoUrl,
    String mongoDatabase,
    String redisUrl,
    boolean sandbox,
    String ingestToken,
    String adminPassword,
    Path connectorsDir,
    Path webroot,
    Duration reopenWindow,
    int ingestBatchSize,
    Duration ingestBatchDelay,
    Duration publishLease,
    Duration connectorLease,
    Duration engagementInterval,
    Duration demoMentionInterval) {

  public boolean embeddedMongo() {
    return mongoUrl == null;
  }

  public boolean embeddedRedis() {
    return redisUrl == null;
  }

  /** A loggable form: secrets show only whether they are set. */
  public String redacted() {
    return "httpPort=" + httpPort + " dataDir=" + dataDir
        + " mongo=" + (mongoUrl == null ? "embedded" : redactUrl(mongoUrl))
        + " redis=" + (redisUrl == null ? "embedded" : redactUrl(redisUrl))
        + " sandbox=" + (sandbox ? "on" : "off")
        + " ingestToken=" + (ingestToken == null ? "generated" : "set")
        + " adminPassword=" + (adminPassword == null ? "generated" : "set")
        + " connectorsDir=" + connectorsDir;
  }

  private static String redactUrl(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
