package io.earshot.testing;

import io.earshot.Hub;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.triage.TriageEngine;
import io.earshot.runtime.HubVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real hub instance for integration tests: its own Vert.x, HTTP on a free port, the sandbox off
 * and no connector accounts unless the overrides say otherwise. Without MONGO_URL/REDIS_URL it
 * starts the embedded servers in a fresh data directory, exactly as {@code earshot serve} does.
 */
public final class TestHub implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "correct-horse-battery";
  public static final String INGEST_TOKEN = "test-ingest-token";
  private final HubVertx runtime;
  private final Hub hub;
  private final ApiClient api;
  // The directories this hub made for itself (not those a test passed in): deleted when it closes.
  private final List<Path> ownDirs;

  private TestHub(HubVertx runtime, Hub hub, List<Path> ownDirs) {
    this.runtime = runtime;
    this.hub = hub;
    this.ownDirs = ownDirs;
    this.api = new ApiClient(baseUrl(), INGEST_TOKEN);
  }

  public static TestHub start(Map<String, String> overrides) {
    return start(overrides, new VertxOptions());
  }

  /** With Vert.x options of the test's own (e.g. a tight blocked-thread limit); metrics are added as in production. */
  public static TestHub start(Map<String, String> overrides, VertxOptions options) {
    return start(overrides, options, vertx -> { });
  }

  /** As above, with {@code beforeStart} given the new Vert.x before the hub starts on it (to watch its start-up). */
  public static TestHub start(Map<String, String> overrides, VertxOptions options, Consumer<Vertx> beforeStart) {
    Map<String, String> env = new HashMap<>();
    List<Path> ownDirs = new ArrayList<>();
    env.put("EARSHOT_HTTP_PORT", "0");
    env.put("EARSHOT_SANDBOX", "off");
    env.put("EARSHOT_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("EARSHOT_INGEST_TOKEN", INGEST_TOKEN);
    env.put("EARSHOT_INGEST_BATCH_DELAY_MS", "2");
    env.putAll(overrides);
    env.computeIfAbsent("EARSHOT_CONFIG", k -> ownDir(ownDirs, "earshot-config", "earshot.json", "{}"));
    env.computeIfAbsent("EARSHOT_DATA_DIR", k -> ownDir(ownDirs, "earshot-data", null, null));
    env.computeIfAbsent("EARSHOT_CONNECTORS_DIR", k -> ownDir(ownDirs, "earshot-connectors", null, null));
    EarshotConfig config = ConfigLoader.load(env);
    HubVertx runtime = HubVertx.create(options);
    try {
      beforeStart.accept(runtime.vertx());
      Hub hub = Hub.start(runtime, config, env, TriageEngine.withDefaults(), Connectors::create).await();
      return new TestHub(runtime, hub, ownDirs);
    } catch (Exception e) {
      runtime.close();
      ownDirs.forEach(TestDirs::delete);
      // The cause in the message: CI shows the failure line, not the stack trace.
      throw new IllegalStateException("test hub did not start: " + rootCause(e), e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " <- " + root;
  }

  public static TestHub start() {
    return start(Map.of());
  }

  /** A fresh directory for the test's own files; deleted when the test JVM exits (see {@link TestDirs}). */
  public static Path tempDir(String prefix) {
    return TestDirs.create(prefix);
  }

  /** A new directory the hub owns, or a file with {@code content} in one; returns the path to use. */
  private static String ownDir(List<Path> ownDirs, String prefix, String file, String content) {
    Path dir = tempDir(prefix);
    ownDirs.add(dir);
    if (file == null) {
      return dir.toString();
    }
    try {
      return Files.writeString(dir.resolve(file), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + hub.port();
  }

  public String ingestToken() {
    return INGEST_TOKEN;
  }

  public String adminPassword() {
    return ADMIN_PASSWORD;
  }

  public ApiClient api() {
    return api;
  }

  public Hub hub() {
    return hub;
  }

  public Vertx vertx() {
    return runtime.vertx();
  }

  @Override
  public void close() {
    try {
      hub.close().await();
    } catch (Exception ignored) {
      // closing is best effort; the next assertion says what matters
    } finally {
      try {
        runtime.close().await();
      } catch (Exception ignored) {
        // same
      }
      ownDirs.forEach(TestDirs::delete);
    }
  }
}
