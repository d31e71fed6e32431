package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each platform's connector inside a real hub, against its emulator: account files with
 * {@code ${VAR}} credentials, the runner's lease and cursor, the ingest pipeline, health and the
 * outbox. After every test the captured logs must not contain any credential value.
 */
@DisplayName("A platform account connected to a real hub")
class ConnectorHubIT {
  private static final String ACCOUNT = "brand";
  private static final String GOOD = "GOOD";
  private Vertx vertx;
  private EmulatedPlatform platform;
  private Path connectorsDir;
  private LogCapture logs;

  static List<String> platforms() {
    return EmulatedPlatform.codes();
  }

  private void start(String code) {
    logs = new LogCapture();
    vertx = Vertx.vertx();
    platform = EmulatedPlatform.of(code, vertx);
    await(platform.emulator().start(0));
    connectorsDir = TestHub.tempDir("earshot-connectors");
  }

  @AfterEach
  void stop() {
    await(platform.emulator().stop());
    await(vertx.close());
    logs.close();
    platform.secretValues().forEach(secret ->
        assertEquals(List.of(), logs.containing(secret), "a credential reached the logs"));
    assertTrue(logs.size() > 0, "the log capture saw the hub's logs");
  }

  private void writeAccount(String name, String prefix, int pageSize) {
    Map<String, Object> options = new HashMap<>(platform.options());
    options.put("pageSize", pageSize);
    HubAccounts.write(connectorsDir, name, platform.platformCode(), platform.emulator().baseUrl(),
        platform.credentialRefs(prefix), 1, options);
  }

  private Map<String, String> env(Path dataDir) {
    Map<String, String> env = new HashMap<>(platform.env(GOOD, true));
    env.put("EARSHOT_DATA_DIR", dataDir.toString());
    env.put("EARSHOT_CONNECTORS_DIR", connectorsDir.toString());
    return env;
  }

  private int total(ApiClient api) {
    return mentionTotal(api, platform.platformCode());
  }

  /**
   * Seeds {@code count + deleted} threaded mentions and deletes {@code deleted} of them before the
   * hub reads them (never a follow-up or a parent: every 40th opening), so pages come back short.
   */
  private void seedWithGaps(int count, int deleted) {
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("2,000 threaded mentions arrive exactly once across a hub restart and a 429 storm, pages shortened by deleted posts")
  void exactlyOnceAcrossRestartAndStorm(String code) {
    start(code);
    writeAccount(ACCOUNT, GOOD, 20);
    Path dataDir = TestHub.tempDir("earshot-data");
    seedWithGaps(1_000, 25);
    int atRestart;
    try (TestHub first = TestHub.start(env(dataDir))) {
      ApiClient api = first.api().login("admin", first.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(60), () -> total(api) == 1_000),
          "first half stored: " + total(api));
      seedWithGaps(1_000, 25);
      eventually(Duration.ofSeconds(2), () -> total(api) > 1_000);
      atRestart = total(api);
    }
    System.out.println(platform + ": hub restarted with " + atRestart + " of 2000 mentions stored");
    // The storm begins with the restarted hub's first request, however long its start takes.
    platform.emulator().faults().rateLimitFromNextRequest(Duration.ofSeconds(4));
    try (TestHub second = TestHub.start(env(dataDir))) {
      ApiClient api = second.api().login("admin", second.adminPassword());
      JsonObject limited = awaitHealth(api, ACCOUNT, Duration.ofSeconds(30),
          h -> "rate_limited".equals(h.getString("state")));
      Instant stormEnds = Instant.ofEpochMilli(platform.emulator().faults().rateLimitResetMillis());
      assertNotNull(limited.getString("until"), "health says until when: " + limited);
      long untilDrift = Duration.between(stormEnds, Instant.parse(limited.getString("until"))).abs().toMillis();
      assertTrue(untilDrift <= platform.resetPrecision().toMillis(),
          "until is the platform's reset time (X sends whole seconds, Meta whole minutes): " + limited);
      assertTrue(eventually(Duration.ofSeconds(90).plus(platform.resetPrecision()), () -> total(api) == 2_000),
          "all stored after restart at " + atRestart + ": " + total(api));
      assertEverySeededMentionStoredOnceAndThreaded(second, api);
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(5), h -> "connected".equals(h.getString("state")));
    }
  }

  private void assertEverySeededMentionStoredOnceAndThreaded(TestHub hub, ApiClient api) {
    Map<String, Document> stored = HubAccounts.stored(hub, ACCOUNT);
    assertEquals(new HashSet<>(platform.mentionIds()), stored.keySet(), "stored ids are the seeded ids");
    assertEquals(2_000, total(api), "no duplicates after the storm");
    assertEquals(2_000, stored.size());
    int followUps = 0;
    for (Document m : stored.values()) {
      String parent = m.getString("inReplyTo");
      if (parent != null) {
        followUps++;
        assertEquals(stored.get(parent).getString("caseId"), m.getString("caseId"),
            "follow-up " + m.getString("externalId") + " is in its parent's case");
      }
    }
    assertEquals(512, followUps, "every 4th of the 2,050 seeded answers the one before it");
    Document sample = stored.values().stream().filter(m -> m.getString("inReplyTo") != null).findFirst().orElseThrow();
    List<String> thread = api.get("/api/v1/cases/" + sample.getString("caseId")).json().getJsonArray("thread")
        .stream().map(o -> ((JsonObject) o).getString("externalId")).toList();
    assertTrue(thread.containsAll(List.of(sample.getString("externalId"), sample.getString("inReplyTo"))),
        "the case thread shows the follow-up with its parent: " + thread);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("a reply from the API lands on the platform in reply to the mention and shows as sent with its id")
  void replyLandsOnThePlatform(String code) {
    start(code);
    writeAccount(ACCOUNT, GOOD, 40);
    platform.emulator().seedMentions(1, 0);
    String mentionId = platform.mentionIds().get(0);
    try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-data")))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> total(api) == 1));
      String caseId = HubAccounts.stored(hub, ACCOUNT).get(mentionId).getString("caseId");
      // Ingest stores the mention before its case (the insert is the commit point): wait for the case.
      assertTrue(eventually(Duration.ofSeconds(15), () -> api.get("/api/v1/cases/" + caseId).status() == 200));
      ApiClient.Response answer = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Sorry about that, we are on it."));
      String replyId = answer.json().getString("id");
      assertNotNull(replyId, "reply accepted: " + answer.status() + " " + answer.body());
      JsonObject[] reply = new JsonObject[1];
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(
          (reply[0] = replyIn(api, caseId, replyId)).getString("state"))), "reply sent: " + reply[0]);
      List<EmulatedPlatform.Posted> posted = platform.posted();
      assertEquals(1, posted.size(), "posted once: " + posted);
      EmulatedPlatform.Posted status = posted.get(0);
      assertEquals(mentionId, status.inReplyTo(), "answers the mention: " + status);
      assertEquals(status.id(), reply[0].getString("externalId"));
      assertTrue(status.text().endsWith("Sorry about that, we are on it."), status.text());
    }
  }

  static JsonObject replyIn(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("a wrong token shows unauthorized in health while a good account keeps ingesting")
  void wrongTokenIsIsolated(String code) {
    start(code);
    writeAccount(ACCOUNT, GOOD, 40);
    writeAccount("stale", "STALE", 40);
    Map<String, String> env = env(TestHub.tempDir("earshot-data"));
    env.putAll(platform.env("STALE", false));
    platform.emulator().seedMentions(30, 0);
    try (TestHub hub = TestHub.start(env)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject stale = awaitHealth(api, "stale", Duration.ofSeconds(10),
          h -> "unauthorized".equals(h.getString("state")));
      assertTrue(stale.getString("detail").startsWith("credentials refused"), stale.encode());
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 30);
      platform.emulator().seedMentions(20, 0);
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 50);
      assertEquals(50, HubAccounts.stored(hub, ACCOUNT).size());
      assertEquals(0, HubAccounts.stored(hub, "stale").size());
      assertEquals("unauthorized", HubAccounts.health(api, "stale").getString("state"));
      assertEquals("degraded", api.get("/api/v1/health").json().getString("status"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  @DisplayName("a malformed item is skipped and counted, and the stream goes on")
  void malformedItemIsSkipped(String code) {
    start(code);
    writeAccount(ACCOUNT, GOOD, 40);
    platform.emulator().seedMentions(5, 0);
    platform.seedMalformed();
    platform.emulator().seedMentions(5, 0);
    try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-data")))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject health = awaitHealth(api, ACCOUNT, Duration.ofSeconds(15),
          h -> h.getLong("mentionsRead", 0L) == 10);
      assertEquals(1, health.getLong("malformedSkipped"), health.encode());
      platform.emulator().seedMentions(3, 0);
      health = awaitHealth(api, ACCOUNT, Duration.ofSeconds(15), h -> h.getLong("mentionsRead", 0L) == 13);
      assertEquals(1, health.getLong("malformedSkipped"), "the bad item is not read again: " + health);
      assertEquals(new HashSet<>(platform.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet());
    }
  }
}
