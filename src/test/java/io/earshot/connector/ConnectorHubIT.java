package io.earshot.connector;

import static io.earshot.connector.ConnectorFixture.ACCOUNT;
import static io.earshot.connector.ConnectorFixture.GOOD;
import static io.earshot.connector.HubAccounts.awaitHealth;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each platform's connector inside a real hub, against its emulator: account files with
 * {@code ${VAR}} credentials, the runner's lease and cursor, the ingest pipeline, health and the
 * outbox. After every test the captured logs must not contain any credential value.
 */
@DisplayName("A platform account connected to a real hub")
class ConnectorHubIT extends PlatformAccountTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.earshot.connector.EmulatedPlatform#codes")
  @DisplayName("a reply from the API lands on the platform in reply to the mention and shows as sent with its id")
  void replyLandsOnThePlatform(String code) {
    start(code);
    fixture.writeAccount(ACCOUNT, GOOD, 40);
    platform.emulator().seedMentions(1, 0);
    String mentionId = platform.mentionIds().get(0);
    try (TestHub hub = TestHub.start(fixture.env(TestHub.tempDir("earshot-data")))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> fixture.total(api) == 1));
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
  @MethodSource("io.earshot.connector.EmulatedPlatform#codes")
  @DisplayName("a wrong token shows unauthorized in health while a good account keeps ingesting")
  void wrongTokenIsIsolated(String code) {
    start(code);
    fixture.writeAccount(ACCOUNT, GOOD, 40);
    fixture.writeAccount("stale", "STALE", 40);
    Map<String, String> env = fixture.env(TestHub.tempDir("earshot-data"));
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
  @MethodSource("io.earshot.connector.EmulatedPlatform#codes")
  @DisplayName("a malformed item is skipped and counted, and the stream goes on")
  void malformedItemIsSkipped(String code) {
    start(code);
    fixture.writeAccount(ACCOUNT, GOOD, 40);
    platform.emulator().seedMentions(5, 0);
    platform.seedMalformed();
    platform.emulator().seedMentions(5, 0);
    try (TestHub hub = TestHub.start(fixture.env(TestHub.tempDir("earshot-data")))) {
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
