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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each platform's connector inside a real hub, against its emulator, across a restart of the
 * hub and a 429 storm: nothing read twice, nothing lost, threads kept. Its own class (the
 * longest of the connector tests, Meta's storm lasts a minute) so a second fork runs others meanwhile.
 */
@DisplayName("A platform account across a hub restart and a rate-limit storm")
class ConnectorRestartIT extends PlatformAccountTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.earshot.connector.EmulatedPlatform#codes")
  @DisplayName("2,000 threaded mentions arrive exactly once across a hub restart and a 429 storm, pages shortened by deleted posts")
  void exactlyOnceAcrossRestartAndStorm(String code) {
    start(code);
    fixture.writeAccount(ACCOUNT, GOOD, 20);
    Path dataDir = TestHub.tempDir("earshot-data");
    fixture.seedWithGaps(1_000, 25);
    int atRestart;
    try (TestHub first = TestHub.start(fixture.env(dataDir))) {
      ApiClient api = first.api().login("admin", first.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(60), () -> fixture.total(api) == 1_000),
          "first half stored: " + fixture.total(api));
      fixture.seedWithGaps(1_000, 25);
      eventually(Duration.ofSeconds(2), () -> fixture.total(api) > 1_000);
      atRestart = fixture.total(api);
    }
    System.out.println(platform + ": hub restarted with " + atRestart + " of 2000 mentions stored");
    // The storm begins with the restarted hub's first request, however long its start takes.
    platform.emulator().faults().rateLimitFromNextRequest(Duration.ofSeconds(4));
    try (TestHub second = TestHub.start(fixture.env(dataDir))) {
      ApiClient api = second.api().login("admin", second.adminPassword());
      JsonObject limited = awaitHealth(api, ACCOUNT, Duration.ofSeconds(30),
          h -> "rate_limited".equals(h.getString("state")));
      Instant stormEnds = Instant.ofEpochMilli(platform.emulator().faults().rateLimitResetMillis());
      assertNotNull(limited.getString("until"), "health says until when: " + limited);
      long untilDrift = Duration.between(stormEnds, Instant.parse(limited.getString("until"))).abs().toMillis();
      assertTrue(untilDrift <= platform.resetPrecision().toMillis(),
          "until is the platform's reset time (X sends whole seconds, Meta whole minutes): " + limited);
      assertTrue(eventually(Duration.ofSeconds(90).plus(platform.resetPrecision()), () -> fixture.total(api) == 2_000),
          "all stored after restart at " + atRestart + ": " + fixture.total(api));
      assertEverySeededMentionStoredOnceAndThreaded(second, api);
      awaitHealth(api, ACCOUNT, Duration.ofSeconds(5), h -> "connected".equals(h.getString("state")));
    }
  }

  private void assertEverySeededMentionStoredOnceAndThreaded(TestHub hub, ApiClient api) {
    Map<String, Document> stored = HubAccounts.stored(hub, ACCOUNT);
    assertEquals(new HashSet<>(platform.mentionIds()), stored.keySet(), "stored ids are the seeded ids");
    assertEquals(2_000, fixture.total(api), "no duplicates after the storm");
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
}
