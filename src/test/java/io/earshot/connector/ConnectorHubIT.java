package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LogCapture;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Mastodon connector inside a real hub: account files with {@code ${VAR}} credentials, the
 * runner's lease and cursor, the ingest pipeline, health and the outbox, against the emulator.
 */
@DisplayName("A Mastodon account connected to a real hub")
class ConnectorHubIT {
  private static final String ACCOUNT = "brand-mastodon";
  private static final String TOKEN_VAR = "MASTODON_TOKEN";
  private Vertx vertx;
  private MastodonEmulator emulator;
  private Path connectorsDir;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    connectorsDir = TestHub.tempDir("earshot-connectors");
  }

  @AfterEach
  void stop() {
    await(emulator.stop());
    await(vertx.close());
    assertEquals(List.of(), logs.containing(MastodonEmulator.TOKEN), "the access token reached the logs");
    assertTrue(logs.size() > 0, "the log capture saw the hub's logs");
    logs.close();
  }

  private void writeAccount(String name, String tokenVar, int pageSize) {
    HubAccounts.write(connectorsDir, name, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${" + tokenVar + "}"), 1, Map.of("pageSize", pageSize));
  }

  private Map<String, String> env(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("EARSHOT_DATA_DIR", dataDir.toString());
    env.put("EARSHOT_CONNECTORS_DIR", connectorsDir.toString());
    env.put(TOKEN_VAR, MastodonEmulator.TOKEN);
    return env;
  }

  @Test
  @DisplayName("2,000 threaded mentions arrive exactly once across a hub restart and a 429 storm")
  void exactlyOnceAcrossRestartAndStorm() {
    writeAccount(ACCOUNT, TOKEN_VAR, 20);
    Path dataDir = TestHub.tempDir("earshot-data");
    emulator.seedMentions(1_000, 4);
    int atRestart;
    try (TestHub first = TestHub.start(env(dataDir))) {
      ApiClient api = first.api().login("admin", first.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(60), () -> mentionTotal(api, "mastodon") == 1_000),
          "first half stored: " + mentionTotal(api, "mastodon"));
      emulator.seedMentions(1_000, 4);
      eventually(Duration.ofSeconds(2), () -> mentionTotal(api, "mastodon") > 1_000);
      atRestart = mentionTotal(api, "mastodon");
    }
    System.out.println("hub restarted with " + atRestart + " of 2000 mentions stored");
    emulator.faults().rateLimitFor(Duration.ofSeconds(4));
    Instant stormEnds = Instant.ofEpochMilli(emulator.faults().rateLimitResetMillis());
    try (TestHub second = TestHub.start(env(dataDir))) {
      ApiClient api = second.api().login("admin", second.adminPassword());
      JsonObject limited = awaitHealth(api, ACCOUNT, Duration.ofSeconds(4),
          h -> "rate_limited".equals(h.getString("state")));
      assertNotNull(limited.getString("until"), "health says until when: " + limited);
      assertEquals(stormEnds.getEpochSecond(), Instant.parse(limited.getString("until")).getEpochSecond(),
          "until is the platform's reset time: " + limited);
      assertTrue(eventually(Duration.ofSeconds(90), () -> mentionTotal(api, "mastodon") == 2_000),
          "all stored after restart at " + atRestart + ": " + mentionTotal(api, "mastodon"));
      assertEverySeededMentionStoredOnceAndThreaded(second, api);
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(5), h -> "connected".equals(h.getString("state")));
    }
  }

  private void assertEverySeededMentionStoredOnceAndThreaded(TestHub hub, ApiClient api) {
    Map<String, Document> stored = HubAccounts.stored(hub, ACCOUNT);
    assertEquals(new HashSet<>(emulator.mentionIds()), stored.keySet(), "stored ids are the seeded ids");
    assertEquals(2_000, mentionTotal(api, "mastodon"), "no duplicates after the storm");
    int followUps = 0;
    for (Document m : stored.values()) {
      String parent = m.getString("inReplyTo");
      if (parent != null) {
        followUps++;
        assertEquals(stored.get(parent).getString("caseId"), m.getString("caseId"),
            "follow-up " + m.getString("externalId") + " is in its parent's case");
      }
    }
    assertEquals(500, followUps, "every 4th mention answers the one before it");
    Document sample = stored.values().stream().filter(m -> m.getString("inReplyTo") != null).findFirst().orElseThrow();
    List<String> thread = api.get("/api/v1/cases/" + sample.getString("caseId")).json().getJsonArray("thread")
        .stream().map(o -> ((JsonObject) o).getString("externalId")).toList();
    assertTrue(thread.containsAll(List.of(sample.getString("externalId"), sample.getString("inReplyTo"))),
        "the case thread shows the follow-up with its parent: " + thread);
  }

  @Test
  @DisplayName("a reply from the API lands on Mastodon in reply to the mention and shows as sent with its id")
  void replyLandsOnThePlatform() {
    writeAccount(ACCOUNT, TOKEN_VAR, 40);
    emulator.seedMentions(1, 0);
    String mentionId = emulator.mentionIds().get(0);
    try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-data")))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> mentionTotal(api, "mastodon") == 1));
      String caseId = HubAccounts.stored(hub, ACCOUNT).get(mentionId).getString("caseId");
      String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Sorry about that, we are on it.")).json().getString("id");
      assertNotNull(replyId);
      JsonObject[] reply = new JsonObject[1];
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(
          (reply[0] = replyIn(api, caseId, replyId)).getString("state"))), "reply sent: " + reply[0]);
      List<JsonObject> posted = emulator.posted();
      assertEquals(1, posted.size(), "posted once");
      JsonObject status = posted.get(0);
      assertEquals(mentionId, status.getString("in_reply_to_id"));
      assertEquals(status.getString("id"), reply[0].getString("externalId"));
      assertTrue(status.getString("source_text").endsWith("Sorry about that, we are on it."));
      assertTrue(status.getString("source_text").startsWith("@customer"), "the author is addressed: " + status);
    }
  }

  static JsonObject replyIn(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject());
  }

  @Test
  @DisplayName("a wrong token shows unauthorized in health while a good account keeps ingesting")
  void wrongTokenIsIsolated() {
    writeAccount(ACCOUNT, TOKEN_VAR, 40);
    writeAccount("stale-mastodon", "STALE_TOKEN", 40);
    Map<String, String> env = env(TestHub.tempDir("earshot-data"));
    env.put("STALE_TOKEN", "stale-secret-token-123");
    emulator.seedMentions(30, 0);
    try (TestHub hub = TestHub.start(env)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject stale = awaitHealth(api, "stale-mastodon", Duration.ofSeconds(10),
          h -> "unauthorized".equals(h.getString("state")));
      assertTrue(stale.getString("detail").startsWith("credentials refused"), stale.encode());
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 30);
      emulator.seedMentions(20, 0);
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 50);
      assertEquals(50, HubAccounts.stored(hub, ACCOUNT).size());
      assertEquals(0, HubAccounts.stored(hub, "stale-mastodon").size());
      assertEquals("unauthorized", HubAccounts.health(api, "stale-mastodon").getString("state"));
      assertEquals("degraded", api.get("/api/v1/health").json().getString("status"));
    }
    assertEquals(List.of(), logs.containing("stale-secret-token-123"), "the wrong token reached the logs");
  }

  @Test
  @DisplayName("a malformed notification is skipped and counted, and the stream goes on")
  void malformedItemIsSkipped() {
    writeAccount(ACCOUNT, TOKEN_VAR, 40);
    emulator.seedMentions(5, 0);
    emulator.seedMalformed();
    emulator.seedMentions(5, 0);
    try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-data")))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject health = awaitHealth(api, ACCOUNT, Duration.ofSeconds(15),
          h -> h.getLong("mentionsRead", 0L) == 10);
      assertEquals(1, health.getLong("malformedSkipped"), health.encode());
      emulator.seedMentions(3, 0);
      health = awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 13);
      assertEquals(1, health.getLong("malformedSkipped"), "the bad item is not read again: " + health);
      assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet());
    }
  }
}
