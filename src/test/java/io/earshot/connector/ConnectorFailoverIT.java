package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances sharing MongoDB and Redis, both configured with the same Mastodon account:
 * the Redis lease lets exactly one of them poll, and closing it hands polling to the other.
 */
@DisplayName("A connector account shared by two hub instances")
class ConnectorFailoverIT {
  private static final String ACCOUNT = "brand-mastodon";
  private static final int POLL_SECONDS = 2;

  @Test
  @DisplayName("one instance polls at a time, and closing it hands polling over within one poll interval, losing nothing")
  void leaseHandsOverOnClose() {
    runHandover(TestHub::close, Duration.ofSeconds(POLL_SECONDS));
  }

  @Test
  @DisplayName("when the polling instance dies without releasing its lease, the other takes over once it expires")
  void leaseExpiresAfterCrash() {
    // Closing only its Vert.x stops the holder's timers without running Hub.close(): the lease is
    // never released, exactly as when the process is killed. Its store clients are left behind.
    runHandover(hub -> hub.vertx().close().await(), Duration.ofSeconds(2L * POLL_SECONDS));
  }

  private void runHandover(java.util.function.Consumer<TestHub> stopHolder, Duration within) {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), POLL_SECONDS, Map.of("pageSize", 20));
    emulator.seedMentions(300, 4);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> env = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
          "EARSHOT_CONNECTORS_DIR", connectors.toString(), "MASTODON_TOKEN", MastodonEmulator.TOKEN,
          "EARSHOT_CONNECTOR_LEASE_SECONDS", String.valueOf(POLL_SECONDS));
      TestHub a = TestHub.start(env);
      TestHub b = TestHub.start(env);
      TestHub survivor = null;
      try {
        TestHub holder = awaitFirstRound(a, b);
        survivor = holder == a ? b : a;
        stopHolder.accept(holder);
        long stoppedAt = System.nanoTime();
        emulator.seedMentions(100, 4);
        TestHub next = survivor;
        assertTrue(eventually(within, () -> polls(next)), "the other instance took over within " + within);
        System.out.println("polling handed over in " + (System.nanoTime() - stoppedAt) / 1_000_000 + " ms");
        ApiClient onSurvivor = survivor.api().login("admin", survivor.adminPassword());
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(onSurvivor, "mastodon") == 400),
            "all 400 stored: " + mentionTotal(onSurvivor, "mastodon"));
        assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(survivor, ACCOUNT).keySet());
        assertEquals(400, HubAccounts.stored(survivor, ACCOUNT).size());
      } finally {
        // A crashed holder's Vert.x is gone; closing its hub could wait on it forever.
        (survivor == null ? List.of(a, b) : List.of(survivor)).forEach(TestHub::close);
        await(emulator.stop());
        await(vertx.close());
      }
    }
  }

  /** Waits for the first 300 mentions; answers the one instance that polls them. */
  private static TestHub awaitFirstRound(TestHub a, TestHub b) {
    ApiClient api = a.api().login("admin", a.adminPassword());
    AtomicBoolean bothPolled = new AtomicBoolean();
    assertTrue(eventually(Duration.ofSeconds(30), () -> {
      bothPolled.compareAndSet(false, polls(a) && polls(b));
      return mentionTotal(api, "mastodon") == 300;
    }), "all 300 stored: " + mentionTotal(api, "mastodon"));
    assertTrue(polls(a) ^ polls(b), "exactly one instance polls: a=" + polls(a) + " b=" + polls(b));
    assertTrue(!bothPolled.get(), "never both at once");
    return polls(a) ? a : b;
  }

  private static boolean polls(TestHub hub) {
    List<String> polling = hub.hub().connectors().polling();
    return polling.contains(ACCOUNT);
  }
}
