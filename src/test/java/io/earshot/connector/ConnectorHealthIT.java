package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Connector health in a real hub")
class ConnectorHealthIT {
  private static final String ACCOUNT = "brand-mastodon";

  @Test
  @DisplayName("a rate limit that is extended shows the new reset time, then the account recovers")
  void extendedRateLimitShowsNewReset() {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of());
    emulator.seedMentions(10, 0);
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN))) {
      ApiClient api = hub.api();
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(10), h -> h.getLong("mentionsRead", 0L) == 10);
      emulator.seedMentions(5, 0);
      emulator.faults().rateLimitFor(Duration.ofSeconds(3));
      Instant first = Instant.ofEpochMilli(emulator.faults().rateLimitResetMillis());
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(3), h -> "rate_limited".equals(h.getString("state"))
          && first.equals(Instant.parse(h.getString("until"))));
      // The platform extends the window before the first one ends: the next poll meets a new reset.
      emulator.faults().rateLimitFor(Duration.ofSeconds(6));
      Instant second = Instant.ofEpochMilli(emulator.faults().rateLimitResetMillis());
      assertTrue(second.isAfter(first));
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(6), h -> "rate_limited".equals(h.getString("state"))
          && second.equals(Instant.parse(h.getString("until"))));
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(10), h -> "connected".equals(h.getString("state"))
          && h.getLong("mentionsRead") == 15);
    } finally {
      await(emulator.stop());
      await(vertx.close());
    }
  }
}
