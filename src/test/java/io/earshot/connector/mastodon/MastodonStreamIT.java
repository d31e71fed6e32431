package io.earshot.connector.mastodon;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LogCapture;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The streaming API as a wake-up inside a real hub. Every account polls only every 60 s, so a
 * mention stored within seconds can only have been fetched because the stream woke the runner.
 */
@DisplayName("Mastodon streaming wakes the poller")
class MastodonStreamIT {
  private static final String ACCOUNT = "brand";
  private static final Duration FAST = Duration.ofSeconds(3);
  private Vertx vertx;
  private MastodonEmulator emulator;
  private Path connectorsDir;
  private LogCapture logs;

  @BeforeEach
  void startEmulator() {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    connectorsDir = TestHub.tempDir("earshot-connectors");
  }

  @AfterEach
  void stopEmulator() {
    await(emulator.stop());
    await(vertx.close());
    logs.close();
    assertEquals(List.of(), logs.containing(MastodonEmulator.TOKEN), "the token reached the logs");
  }

  private TestHub hub(boolean streaming) {
    HubAccounts.write(connectorsDir, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${GOOD_ACCESS_TOKEN}"), 60, Map.of("pageSize", 40, "streaming", streaming));
    return TestHub.start(Map.of("GOOD_ACCESS_TOKEN", MastodonEmulator.TOKEN,
        "EARSHOT_CONNECTORS_DIR", connectorsDir.toString()));
  }

  /**
   * Logged in, first poll done, stream open and its connect wake-up's poll past. A stream that
   * connects wakes the runner once (to catch up), and that always makes a second poll: the stream
   * opens while the first poll is in flight. A mention posted before that poll read the
   * notifications would be fetched by the catch-up, not because its own notification woke the runner.
   */
  private ApiClient connected(TestHub hub) {
    ApiClient api = hub.api().login("admin", hub.adminPassword());
    awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> "connected".equals(h.getString("state")));
    assertTrue(eventually(Duration.ofSeconds(5), () -> emulator.streamConnections() == 1), "stream opened");
    assertTrue(eventually(Duration.ofSeconds(5), () -> emulator.notificationPagesServed() >= 2),
        "the first poll and the connect wake-up's poll read the notifications: " + emulator.notificationPagesServed());
    return api;
  }

  private long arrival(ApiClient api, int expectedTotal) {
    long start = System.nanoTime();
    emulator.seedMentions(1, 0);
    assertTrue(eventually(FAST, () -> mentionTotal(api, "mastodon") == expectedTotal),
        "mention " + expectedTotal + " stored within " + FAST + ": " + mentionTotal(api, "mastodon"));
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  @Test
  @DisplayName("a new mention is stored within seconds, long before the 60 s poll")
  void mentionArrivesFast() throws Exception {
    try (TestHub hub = hub(true)) {
      ApiClient api = connected(hub);
      long millis = arrival(api, 1);
      System.out.println("mastodon stream: mention stored " + millis + " ms after it was posted");
      assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet());
    }
  }

  @Test
  @DisplayName("after the stream drops it reconnects; a mention posted meanwhile is caught up once, the next is fast")
  void reconnectCatchesUp() throws Exception {
    try (TestHub hub = hub(true)) {
      ApiClient api = connected(hub);
      arrival(api, 1);
      emulator.dropStreams();
      emulator.seedMentions(1, 0);
      assertTrue(eventually(Duration.ofSeconds(6), () -> mentionTotal(api, "mastodon") == 2),
          "the mention missed while disconnected is read after the reconnect");
      // The catch-up above was the reconnect's own wake-up poll, so the next mention can only be
      // fetched because its notification woke the runner.
      assertTrue(eventually(Duration.ofSeconds(5), () -> emulator.streamConnections() == 1), "stream reopened");
      long millis = arrival(api, 3);
      System.out.println("mastodon stream: after a reconnect, mention stored in " + millis + " ms");
      assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet());
      assertEquals(3, mentionTotal(api, "mastodon"), "nothing stored twice");
      assertEquals(1, logs.containing("mastodon stream down").size(), "one drop, one reconnect");
      assertEquals(2, logs.containing("mastodon stream connected").size());
    }
  }

  @Test
  @DisplayName("a wake-up during a rate limit does not poll before the platform's reset")
  void wakeRespectsRateLimit() throws Exception {
    try (TestHub hub = hub(true)) {
      ApiClient api = connected(hub);
      emulator.faults().rateLimitFor(Duration.ofSeconds(4));
      long resetAt = emulator.faults().rateLimitResetMillis();
      emulator.seedMentions(1, 0);
      awaitHealth(api, ACCOUNT, FAST, h -> "rate_limited".equals(h.getString("state")));
      long refused = emulator.faults().requests();
      emulator.seedMentions(1, 0);
      Duration beforeReset = Duration.ofMillis(Math.max(0, resetAt - System.currentTimeMillis() - 300));
      assertFalse(eventually(beforeReset, () -> emulator.faults().requests() != refused),
          "no request to the instance before the reset");
      assertTrue(eventually(Duration.ofSeconds(3), () -> mentionTotal(api, "mastodon") == 2),
          "both read right after the reset");
      assertTrue(System.currentTimeMillis() >= resetAt);
    }
  }

  @Test
  @DisplayName("with \"streaming\": false no stream opens and nothing arrives before the poll")
  void streamingOff() throws Exception {
    try (TestHub hub = hub(false)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> "connected".equals(h.getString("state")));
      emulator.seedMentions(1, 0);
      assertFalse(eventually(FAST, () -> mentionTotal(api, "mastodon") > 0), "only the 60 s poll would read it");
      assertEquals(0, emulator.streamConnections());
    }
  }
}
