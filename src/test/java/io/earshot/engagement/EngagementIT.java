package io.earshot.engagement;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Engagement of the brand's replies")
class EngagementIT {
  private static final String ACCOUNT = "brand-mastodon";
  private static final String SECONDS = java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(String::valueOf)
      .collect(java.util.stream.Collectors.joining(","));
  private Vertx vertx;
  private MastodonEmulator emulator;
  private Path connectors;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of());
  }

  @AfterEach
  void stop() {
    await(emulator.stop());
    await(vertx.close());
  }

  @Test
  @DisplayName("counts earned on the platform show on the case's reply, announced live only when they change")
  void countsReachTheCase() throws Exception {
    emulator.seedMentions(1, 0);
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN, "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1",
        // A reading at every second of the post's first half minute, so each round measures it.
        "EARSHOT_ENGAGEMENT_SCHEDULE", SECONDS))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> mentionTotal(api, "mastodon") == 1));
      String caseId = HubAccounts.stored(hub, ACCOUNT).values().iterator().next().getString("caseId");
      String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Thanks for flagging, fixed now.")).json().getString("id");
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(reply(api, caseId, replyId).getString("state"))));
      String statusId = reply(api, caseId, replyId).getString("externalId");
      try (LiveListener live = new LiveListener(hub.hub().port(), api.sessionCookie())) {
        emulator.setCounts(statusId, 7, 3, 2);
        JsonObject[] seen = new JsonObject[1];
        assertTrue(eventually(Duration.ofSeconds(5), () -> (seen[0] = engagement(api, caseId, replyId))
            .getLong("likes") == 7), "likes reached the case: " + seen[0]);
        assertEquals(3, seen[0].getLong("reposts"));
        assertEquals(2, seen[0].getLong("replies"));
        assertNotNull(seen[0].getString("measuredAt"));
        assertTrue(eventually(Duration.ofSeconds(2), () -> updates(live, replyId) == 1), "announced once");
        // Two more rounds measured the same counts (each records when it measured); by the second
        // one's end, an announcement of the first would have arrived.
        String second = nextMeasurement(api, caseId, replyId, seen[0].getString("measuredAt"));
        nextMeasurement(api, caseId, replyId, second);
        assertEquals(1, updates(live, replyId), "unchanged counts are not announced again");
        emulator.setCounts(statusId, 9, 3, 2);
        assertTrue(eventually(Duration.ofSeconds(5), () -> engagement(api, caseId, replyId).getLong("likes") == 9));
        assertTrue(eventually(Duration.ofSeconds(2), () -> updates(live, replyId) == 2), "a change is announced");
      }
    }
  }

  @Test
  @DisplayName("a sent reply is measured at the schedule's ages only, kept as a time series of samples")
  void samplesThinOutWithAge() {
    emulator.seedMentions(1, 0);
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN, "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1",
        "EARSHOT_ENGAGEMENT_SCHEDULE", "2,4,8"))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      assertTrue(eventually(Duration.ofSeconds(15), () -> mentionTotal(api, "mastodon") == 1));
      String caseId = HubAccounts.stored(hub, ACCOUNT).values().iterator().next().getString("caseId");
      String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Thanks, this is fixed now.")).json().getString("id");
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(reply(api, caseId, replyId).getString("state"))));
      String statusId = reply(api, caseId, replyId).getString("externalId");
      emulator.setCounts(statusId, 1, 0, 0);
      assertTrue(eventually(Duration.ofSeconds(10), () -> samples(api, replyId).size() == 1), "the first age");
      emulator.setCounts(statusId, 4, 1, 0);
      assertTrue(eventually(Duration.ofSeconds(10), () -> samples(api, replyId).size() == 2), "the second age");
      emulator.setCounts(statusId, 6, 2, 1);
      emulator.setQuotes(statusId, 3);
      assertTrue(eventually(Duration.ofSeconds(15), () -> samples(api, replyId).size() == 3), "the last age");
      // Past the last age nothing more is read: two more rounds leave three samples.
      long roundsBefore = emulator.faults().requests();
      assertTrue(eventually(Duration.ofSeconds(10), () -> emulator.faults().requests() > roundsBefore + 2));
      JsonArray series = samples(api, replyId);
      assertEquals(3, series.size(), series.encode());
      assertEquals(List.of(1L, 4L, 6L), series.stream().map(o -> ((JsonObject) o).getLong("likes")).toList());
      // Mastodon 4.5 counts quotes (0 until the last reading here) and never impressions.
      assertEquals(List.of(0L, 0L, 3L), series.stream().map(o -> ((JsonObject) o).getLong("quotes")).toList());
      assertTrue(series.stream().allMatch(o -> ((JsonObject) o).getValue("impressions") == null), "no views on Mastodon");
      assertEquals(3L, engagement(api, caseId, replyId).getLong("quotes"), "the case's reply shows the quotes");
      List<Long> ages = series.stream().map(o -> ((JsonObject) o).getLong("ageSeconds")).toList();
      assertTrue(ages.get(0) >= 2 && ages.get(1) >= 4 && ages.get(2) >= 8, "taken at or after each age: " + ages);
      // The analytics roll the quotes up; Mastodon gives no impressions, so there are none to sum.
      JsonObject expected = new JsonObject().put("posts", 1L).put("likes", 6L).put("reposts", 2L).put("replies", 1L)
          .put("quotes", 3L).put("impressions", null);
      assertTrue(eventually(Duration.ofSeconds(10), () -> expected.equals(analyticsEngagement(api))),
          () -> "the overview's engagement: " + analyticsEngagement(api).encode());
      io.earshot.analytics.Analytics.rebuild(hub.hub().mongo()).run().await();
      assertEquals(expected, analyticsEngagement(api), "a rebuild reads the same from the reply");
    }
  }

  private static JsonObject analyticsEngagement(ApiClient api) {
    return api.get("/api/v1/analytics/overview").json().getJsonObject("engagement");
  }

  private static JsonArray samples(ApiClient api, String replyId) {
    return api.get("/api/v1/replies/" + replyId + "/engagement").json().getJsonArray("items");
  }

  private static long updates(LiveListener live, String replyId) {
    return live.events().stream().filter(e -> "reply.engagement_updated".equals(e.getString("type"))
        && replyId.equals(e.getJsonObject("data").getJsonObject("reply").getString("id"))).count();
  }

  /** When the next round measured the reply, once it has: a round after the one at {@code after}. */
  private static String nextMeasurement(ApiClient api, String caseId, String replyId, String after) {
    String[] at = new String[1];
    assertTrue(eventually(Duration.ofSeconds(5), () -> !after.equals(at[0] = engagement(api, caseId, replyId)
        .getString("measuredAt"))), "each round records when it measured");
    return at[0];
  }

  private static JsonObject engagement(ApiClient api, String caseId, String replyId) {
    return reply(api, caseId, replyId).getJsonObject("engagement");
  }

  private static JsonObject reply(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject());
  }
}
