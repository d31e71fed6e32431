package io.earshot.demo.sandbox;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo as shipped: the repository's own {@code connectors/} directory, read by a hub in
 * sandbox mode, runs the real Mastodon, Bluesky, X, Meta (Facebook, Instagram) and Threads connectors against the in-process
 * emulators next to the built-in sandbox; with the sandbox off those accounts stay quietly off.
 */
class DemoModeIT {
  private static final Path REPOSITORY_CONNECTORS = Path.of("connectors");
  private static final List<String> DEMO_ACCOUNTS = List.of("demo-mastodon", "demo-bluesky", "demo-x",
      "demo-facebook", "demo-instagram", "demo-threads");
  private static final List<String> DEMO_PLATFORMS = List.of("mastodon", "bluesky", "x", "facebook", "instagram",
      "threads");

  @Test
  @DisplayName("in sandbox mode the demo accounts connect and mentions arrive from the emulators through the real connectors")
  void sandboxModeRunsTheDemoPlatforms() {
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_SANDBOX", "on",
        "EARSHOT_CONNECTORS_DIR", REPOSITORY_CONNECTORS.toString(),
        "EARSHOT_DEMO_MENTION_INTERVAL_MS", "300"))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      for (String account : List.of("sandbox", "demo-mastodon", "demo-bluesky", "demo-x", "demo-facebook",
          "demo-instagram", "demo-threads")) {
        HubAccounts.awaitHealth(api, account, Duration.ofSeconds(20), h -> "connected".equals(h.getString("state")));
      }
      assertTrue(eventually(Duration.ofSeconds(30), () -> HubAccounts.mentionTotal(api, "sandbox") > 0
          && HubAccounts.mentionTotal(api, "facebook") > 0 && HubAccounts.mentionTotal(api, "instagram") > 0
          && HubAccounts.mentionTotal(api, "threads") > 0 && emulatorPlatformsWithMentions(api) >= 5),
          "mentions from the sandbox, Facebook, Instagram, Threads and at least one more emulator: " + totals(api));
    }
  }

  @Test
  @DisplayName("a restarted demo hub keeps its stored cursors and still reads the fresh emulators' new mentions")
  void restartKeepsReadingTheFreshEmulators() {
    String dataDir = TestHub.tempDir("earshot-demo-data").toString();
    Map<String, Long> before;
    java.util.Set<String> firstRunIds = new java.util.HashSet<>();
    try (TestHub first = demoHub(dataDir)) {
      ApiClient api = first.api().login("admin", first.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(30), () -> emulatorPlatformsWithMentions(api) == 6), totals(api));
      before = emulatorTotals(api);
      DEMO_ACCOUNTS.forEach(account -> firstRunIds.addAll(HubAccounts.stored(first, account).keySet()));
    }
    try (TestHub second = demoHub(dataDir)) {
      ApiClient api = second.api().login("admin", second.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(30), () -> emulatorTotals(api).entrySet().stream()
          .allMatch(e -> e.getValue() > before.get(e.getKey()))), "after " + before + ": " + totals(api));
      DemoPlatforms demo = second.hub().demo();
      List.of(demo.mastodon(), demo.bluesky(), demo.x(), demo.facebook(), demo.instagram(), demo.threads())
          .forEach(EmulatorServer::stopStream);
      // Counting against a total read while the first hub still ran would race with its last
      // poll; what must hold is that every post the fresh emulators issued is stored (once:
      // ids are unique keys).
      Map<String, List<String>> issued = Map.of("demo-mastodon", demo.mastodon().mentionIds(),
          "demo-bluesky", demo.bluesky().mentionUris(), "demo-x", demo.x().mentionIds(),
          "demo-facebook", demo.facebook().mentionIds(), "demo-instagram", demo.instagram().mentionIds(),
          "demo-threads", demo.threads().mentionIds());
      issued.values().forEach(ids -> assertTrue(ids.stream().noneMatch(firstRunIds::contains),
          "a fresh emulator never reissues an id a previous run stored"));
      assertTrue(eventually(Duration.ofSeconds(30), () -> issued.entrySet().stream()
          .allMatch(e -> HubAccounts.stored(second, e.getKey()).keySet().containsAll(e.getValue()))),
          "every mention of the fresh emulators is read: after " + before + ", stored " + totals(api));
    }
  }

  @Test
  @DisplayName("with the sandbox off the demo accounts are disabled, not failing")
  void sandboxOffDisablesTheDemoAccounts() {
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_SANDBOX", "off",
        "EARSHOT_CONNECTORS_DIR", REPOSITORY_CONNECTORS.toString()))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      for (String account : DEMO_ACCOUNTS) {
        var health = HubAccounts.awaitHealth(api, account, Duration.ofSeconds(10), h -> h.containsKey("state"));
        assertEquals("disabled", health.getString("state"), health.encode());
      }
      assertEquals("disabled", HubAccounts.health(api, "sandbox").getString("state"));
    }
  }

  private static TestHub demoHub(String dataDir) {
    return TestHub.start(Map.of("EARSHOT_SANDBOX", "on", "EARSHOT_DATA_DIR", dataDir,
        "EARSHOT_CONNECTORS_DIR", REPOSITORY_CONNECTORS.toString(), "EARSHOT_DEMO_MENTION_INTERVAL_MS", "300"));
  }

  private static Map<String, Long> emulatorTotals(ApiClient api) {
    return DEMO_PLATFORMS.stream()
        .collect(java.util.stream.Collectors.toMap(p -> p, p -> (long) HubAccounts.mentionTotal(api, p)));
  }

  private static long emulatorPlatformsWithMentions(ApiClient api) {
    return DEMO_PLATFORMS.stream().filter(p -> HubAccounts.mentionTotal(api, p) > 0).count();
  }

  private static String totals(ApiClient api) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("sandbox"), DEMO_PLATFORMS.stream())
        .map(p -> p + "=" + HubAccounts.mentionTotal(api, p)).toList().toString();
  }
}
