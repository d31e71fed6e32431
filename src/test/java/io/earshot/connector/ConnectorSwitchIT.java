package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An admin's switch on a connector account shared by two hub instances: disabling it stops
 * polling on both within seconds and stays in force across a restart of both; enabling it
 * resumes from the stored cursor, so what was posted meanwhile is read, none of it lost.
 */
@DisplayName("Enabling and disabling a connector account across two instances")
class ConnectorSwitchIT {
  private static final String ACCOUNT = "brand-mastodon";
  private static final int POLL_SECONDS = 1;
  /** Several poll intervals without one request: long enough that a poller still running would show. */
  private static final Duration QUIET = Duration.ofSeconds(5L * POLL_SECONDS);

  @Test
  @DisplayName("a disable stops polling on every instance within seconds and survives a restart; enabling resumes without loss")
  void disableEverywhereThenResume() {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), POLL_SECONDS, Map.of("pageSize", 40));
    emulator.seedMentions(120, 4);
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> env = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
          "EARSHOT_CONNECTORS_DIR", connectors.toString(), "MASTODON_TOKEN", MastodonEmulator.TOKEN,
          "EARSHOT_CONNECTOR_LEASE_SECONDS", "3");
      try (TestHub a = TestHub.start(env); TestHub b = TestHub.start(env)) {
        ApiClient admin = a.api().login("admin", a.adminPassword());
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(admin, "mastodon") == 120));
        long sent = System.nanoTime();
        ApiClient.Response off = admin.patch("/api/v1/connectors/" + ACCOUNT, new JsonObject().put("enabled", false));
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().getBoolean("enabled"));
        assertTrue(eventually(Duration.ofSeconds(5), () -> !polls(a) && !polls(b)), "neither instance polls");
        System.out.println("polling stopped on both instances " + (System.nanoTime() - sent) / 1_000_000 + " ms after the PATCH");
        ApiClient onB = b.api().login("admin", b.adminPassword());
        assertTrue(eventually(Duration.ofSeconds(5), () -> "disabled".equals(state(onB))), "B shows it disabled");
        emulator.seedMentions(60, 4);
        assertNoPolls(emulator, "while disabled");
      }
      try (TestHub a = TestHub.start(env); TestHub b = TestHub.start(env)) {
        assertNoPolls(emulator, "after both instances restarted");
        ApiClient onB = b.api().login("admin", b.adminPassword());
        JsonObject shown = account(onB);
        assertFalse(shown.getBoolean("enabled"), "still disabled after the restart: " + shown);
        assertEquals("admin", shown.getJsonObject("switch").getString("changedBy"));
        assertEquals(200, onB.patch("/api/v1/connectors/" + ACCOUNT, new JsonObject().put("enabled", true)).status());
        assertTrue(eventually(Duration.ofSeconds(5), () -> polls(a) ^ polls(b)), "one instance polls again");
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(onB, "mastodon") == 180),
            "what was posted while disabled is read: " + mentionTotal(onB, "mastodon"));
        assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(b, ACCOUNT).keySet());
        assertEquals(List.of("disabled (was enabled)", "enabled (was disabled)"), audited(b));
      }
    } finally {
      await(emulator.stop());
      await(vertx.close());
    }
  }

  /** Not one request reaches the platform for {@link #QUIET}. */
  private static void assertNoPolls(MastodonEmulator emulator, String when) {
    long before = emulator.faults().requests();
    boolean polled = eventually(QUIET, () -> emulator.faults().requests() > before);
    assertFalse(polled, "no request reached the platform " + when);
  }

  private static boolean polls(TestHub hub) {
    return hub.hub().connectors().polling().contains(ACCOUNT);
  }

  private static JsonObject account(ApiClient api) {
    return api.get("/api/v1/connectors").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(o -> ACCOUNT.equals(o.getString("name"))).findFirst().orElseThrow();
  }

  private static String state(ApiClient api) {
    return account(api).getJsonObject("status").getString("state");
  }

  private static List<String> audited(TestHub hub) {
    MongoStore mongo = hub.hub().mongo();
    return mongo.run(() -> mongo.collection(MongoStore.AUDIT).find(Filters.eq("action", "connector.enabled_changed"))
        .sort(new Document("at", 1)).map(d -> d.getString("detail")).into(new ArrayList<>())).await();
  }
}
