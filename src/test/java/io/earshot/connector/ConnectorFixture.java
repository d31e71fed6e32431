package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.LogCapture;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One platform's emulator, its account files and the log capture, for tests that run that
 * platform's connector inside a real hub. {@link #close} fails the test if any credential value
 * reached the logs.
 */
final class ConnectorFixture implements AutoCloseable {
  static final String ACCOUNT = "brand";
  static final String GOOD = "GOOD";
  private final Vertx vertx;
  private final EmulatedPlatform platform;
  private final Path connectorsDir;
  private final LogCapture logs;

  ConnectorFixture(String code) {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    platform = EmulatedPlatform.of(code, vertx);
    await(platform.emulator().start(0));
    connectorsDir = TestHub.tempDir("earshot-connectors");
  }

  EmulatedPlatform platform() {
    return platform;
  }

  @Override
  public void close() {
    await(platform.emulator().stop());
    await(vertx.close());
    logs.close();
    platform.secretValues().forEach(secret ->
        assertEquals(List.of(), logs.containing(secret), "a credential reached the logs"));
    assertTrue(logs.size() > 0, "the log capture saw the hub's logs");
  }

  void writeAccount(String name, String prefix, int pageSize) {
    Map<String, Object> options = new HashMap<>(platform.options());
    options.put("pageSize", pageSize);
    HubAccounts.write(connectorsDir, name, platform.platformCode(), platform.emulator().baseUrl(),
        platform.credentialRefs(prefix), 1, options);
  }

  Map<String, String> env(Path dataDir) {
    Map<String, String> env = new HashMap<>(platform.env(GOOD, true));
    env.put("EARSHOT_DATA_DIR", dataDir.toString());
    env.put("EARSHOT_CONNECTORS_DIR", connectorsDir.toString());
    return env;
  }

  int total(ApiClient api) {
    return mentionTotal(api, platform.platformCode());
  }

  /**
   * Seeds {@code count + deleted} threaded mentions and deletes {@code deleted} of them before the
   * hub reads them (never a follow-up or a parent: every 40th opening), so pages come back short.
   */
  void seedWithGaps(int count, int deleted) {
    List<String> before = platform.mentionIds();
    // A hub polling meanwhile must not read a post between its seeding and its deletion (it would
    // rightly store it: a 2,001st mention): the platform answers 503 until the gaps are made.
    platform.emulator().faults().serverErrors(Integer.MAX_VALUE);
    try {
      platform.emulator().seedMentions(count + deleted, 4);
      List<String> fresh = platform.mentionIds().stream().filter(id -> !before.contains(id)).toList();
      int removed = 0;
      for (int i = 0; i < fresh.size() && removed < deleted; i += 40) {
        platform.delete(fresh.get(i));
        removed++;
      }
    } finally {
      platform.emulator().faults().serverErrors(0);
    }
  }
}
