package io.earshot.connector.threads;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.threads.ThreadsEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Threads profile connected to a real hub, against the Threads API emulator: a case's reply
 * published once although an answer was lost, what it earned flowing back, hiding and showing a
 * reply (audited), and Threads' rules in the composer. One hub for the class; each test seeds its own.
 */
@DisplayName("A Threads profile in a real hub")
class ThreadsHubIT {
  private static final String SCHEDULE = IntStream.rangeClosed(1, 30).mapToObj(String::valueOf)
      .collect(Collectors.joining(","));
  private static Vertx vertx;
  private static ThreadsEmulator threads;
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    threads = new ThreadsEmulator(vertx);
    await(threads.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, "acme-threads", "threads", threads.baseUrl(),
        Map.of("accessToken", "${THREADS_TOKEN}"), 1, Map.of());
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(), "THREADS_TOKEN", ThreadsEmulator.TOKEN,
        "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1", "EARSHOT_ENGAGEMENT_SCHEDULE", SCHEDULE));
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(threads.stop());
    await(vertx.close());
  }

  /** Seeds one reply under the brand's post and waits until the hub stored it in a case; answers its mention. */
  private static JsonObject reply(String text) {
    threads.seedMention(text);
    String externalId = threads.mentionIds().get(threads.mentionIds().size() - 1);
    JsonObject[] found = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      team.admin().get("/api/v1/mentions?limit=500&platform=threads").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(m -> externalId.equals(m.getString("externalId")) && m.getString("caseId") != null)
          .findFirst().ifPresent(m -> found[0] = m);
      return found[0] != null && team.admin().get("/api/v1/cases/" + found[0].getString("caseId")).status() == 200;
    }), "the reply " + externalId + " was stored");
    return found[0];
  }

  private static JsonObject inThread(String caseId, String replyId) {
    return team.admin().get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject());
  }

  private static ApiClient.Response moderate(ApiClient as, JsonObject mention, String action) {
    return as.post("/api/v1/mentions/" + URLEncoder.encode(mention.getString("id"), StandardCharsets.UTF_8)
        + "/moderation", new JsonObject().put("action", action));
  }

  private static long audited(String action, String mentionId) {
    return team.admin().get("/api/v1/audit?action=" + action + "&limit=200").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(e -> ("mention:" + mentionId).equals(e.getString("target"))).count();
  }

  @Test
  @DisplayName("a case's reply lands under the customer's reply once although the publish answer was lost, and its insights flow back")
  void replyOnceAndEngagement() {
    JsonObject m = reply("the app logs me out every hour");
    String caseId = m.getString("caseId");
    int before = threads.posted().size();
    threads.loseNextPublishAnswers(1);
    ApiClient.Response queued = team.admin().post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry! A fix ships today."));
    assertEquals(202, queued.status(), queued.body());
    String replyId = queued.json().getString("id");
    assertTrue(eventually(Duration.ofSeconds(30), () -> "sent".equals(inThread(caseId, replyId).getString("state"))),
        "sent after the retry: " + inThread(caseId, replyId));
    List<JsonObject> posted = threads.posted().subList(before, threads.posted().size());
    assertEquals(1, posted.size(), "published once: " + posted);
    assertEquals(m.getString("externalId"), posted.get(0).getString("replyTo"));
    String externalId = inThread(caseId, replyId).getString("externalId");
    assertEquals(posted.get(0).getString("id"), externalId);
    threads.setInsights(externalId, 300, 9, 2, 1);
    JsonObject[] seen = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(10), () -> {
      seen[0] = inThread(caseId, replyId).getJsonObject("engagement", new JsonObject());
      return seen[0].getLong("likes", 0L) == 9;
    }), "likes reached the case: " + seen[0]);
    assertEquals(2, seen[0].getLong("reposts"));
  }

  @Test
  @DisplayName("a manager hides a reply and shows it again, once each on Threads and audited; deleting is refused with 409 and no call")
  void hideAndUnhide() {
    JsonObject m = reply("this brand is a scam, DM me for refunds");
    String id = m.getString("externalId");
    int before = threads.moderations().size();
    ApiClient.Response hidden = moderate(team.manager(), m, "hide");
    assertEquals(200, hidden.status(), hidden.body());
    assertEquals("hidden", hidden.json().getString("state"));
    assertEquals(new JsonArray().add("unhide"), hidden.json().getJsonArray("actions"), "Threads offers no delete");
    assertEquals(200, moderate(team.manager(), m, "hide").status(), "asking again is no error");
    assertTrue(threads.hidden(id));
    assertEquals(200, moderate(team.admin(), m, "unhide").status());
    assertFalse(threads.hidden(id));
    assertEquals(List.of("hide " + id, "unhide " + id), threads.moderations().subList(before, threads.moderations().size()));
    assertTrue(eventually(Duration.ofSeconds(5), () -> audited("mention.hidden", m.getString("id")) == 1
        && audited("mention.unhidden", m.getString("id")) == 1));
    ApiClient.Response delete = moderate(team.admin(), m, "delete");
    assertEquals(409, delete.status(), delete.body());
    assertTrue(delete.body().contains("hide"), delete.body());
    assertEquals(before + 2, threads.moderations().size(), "nothing more reached Threads");
    assertEquals(403, moderate(team.agent(), m, "hide").status(), "an agent may not");
  }

  @Test
  @DisplayName("the composer counts an emoji as its UTF-8 bytes and refuses over 500 or a sixth link with 422 naming text")
  void composerRules() {
    JsonObject m = reply("how do I export my data?");
    String caseId = m.getString("caseId");
    int before = threads.posted().size();
    JsonObject fits = team.admin().post("/api/v1/cases/" + caseId + "/reply-check",
        new JsonObject().put("text", "👍".repeat(125))).json();
    assertTrue(fits.getBoolean("ok"), fits.encode());
    String links = IntStream.rangeClosed(1, 6).mapToObj(i -> "https://help.example/" + i).collect(Collectors.joining(" "));
    for (String text : List.of("👍".repeat(126), "a".repeat(501), links)) {
      ApiClient.Response r = team.admin().post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", text));
      assertEquals(422, r.status(), r.body());
      assertEquals("text", r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), r.body());
    }
    assertEquals(before, threads.posted().size(), "nothing posted");
  }
}
