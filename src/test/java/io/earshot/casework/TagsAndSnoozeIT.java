package io.earshot.casework;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tags (free and admin-defined) and snoozing a case")
class TagsAndSnoozeIT {
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** A new case from customer {@code customer}; answers its id. */
  static String newCase(TestHub hub, ApiClient reader, String externalId, String customer) {
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention(externalId, customer,
        "@ForkfulEats where is my order " + externalId))).status());
    return caseOf(reader, externalId);
  }

  static String caseOf(ApiClient reader, String externalId) {
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonObject m = reader.get("/api/v1/mentions?platform=sandbox&limit=500").json();
      m.getJsonArray("items").stream().map(o -> (JsonObject) o)
          .filter(o -> externalId.equals(o.getString("externalId"))).findFirst()
          .ifPresent(o -> id[0] = o.getString("caseId"));
      // The case is written just after its mention: wait until its thread lists the mention.
      return id[0] != null && listed(reader, id[0], externalId);
    }), "mention " + externalId + " was stored");
    return id[0];
  }

  private static String field(ApiClient.Response r) {
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  private static JsonObject caseNow(String id) {
    return team.agent().get("/api/v1/cases/" + id).json().getJsonObject("case");
  }

  @Test
  @DisplayName("tags are set in lower case, each once; bad tags are refused naming tags, and tagging is told as case.tagged")
  void tagging() {
    String id = newCase(hub, team.agent(), "tag-1", "tagger");
    JsonObject tagged = team.agent().patch("/api/v1/cases/" + id,
        new JsonObject().put("tags", new JsonArray().add("Refund").add("late_delivery").add("refund"))).json();
    assertEquals(List.of("refund", "late_delivery"), tagged.getJsonArray("tags").getList(), tagged.encode());
    List<JsonObject> bad = List.of(new JsonObject().put("tags", new JsonArray().add("two words")),
        new JsonObject().put("tags", new JsonArray().add("x".repeat(33))),
        new JsonObject().put("tags", new JsonArray().add("<script>")),
        new JsonObject().put("tags", "refund"),
        new JsonObject().put("tags", new JsonArray(IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())));
    for (JsonObject body : bad) {
      ApiClient.Response r = team.agent().patch("/api/v1/cases/" + id, body);
      assertEquals(400, r.status(), body.encode() + " → " + r.body());
      assertEquals("tags", field(r));
    }
    assertEquals(List.of("refund", "late_delivery"), caseNow(id).getJsonArray("tags").getList(), "refusals change nothing");
    assertTrue(eventually(Duration.ofSeconds(10), () -> team.admin().get("/api/v1/audit?action=case.tagged").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).anyMatch(e -> ("case:" + id).equals(e.getString("target")))));
  }

  @Test
  @DisplayName("admins define tags with a colour and description that everyone reads; others cannot; bad entries name their field")
  void definedTags() {
    JsonObject list = new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "Billing").put("color", "#FF8800").put("description", "money matters"))
        .add(new JsonObject().put("name", "outage")));
    ApiClient.Response saved = team.admin().put("/api/v1/tags", list);
    assertEquals(200, saved.status(), saved.body());
    JsonArray items = team.agent().get("/api/v1/tags").json().getJsonArray("items");
    assertEquals("billing", items.getJsonObject(0).getString("name"));
    assertEquals("#ff8800", items.getJsonObject(0).getString("color"));
    assertEquals("money matters", items.getJsonObject(0).getString("description"));
    assertEquals("outage", items.getJsonObject(1).getString("name"));
    assertEquals(403, team.agent().put("/api/v1/tags", list).status());
    ApiClient.Response badColour = team.admin().put("/api/v1/tags", new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "ok")).add(new JsonObject().put("name", "x").put("color", "red"))));
    assertEquals(400, badColour.status());
    assertEquals("tags[1].color", field(badColour));
    ApiClient.Response twice = team.admin().put("/api/v1/tags", new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "Dup")).add(new JsonObject().put("name", "dup"))));
    assertEquals("tags[1].name", field(twice));
    assertEquals(400, team.admin().put("/api/v1/tags", new JsonObject()).status());
    assertEquals(2, team.agent().get("/api/v1/tags").json().getJsonArray("items").size(), "refusals change nothing");
  }

  @Test
  @DisplayName("snoozedUntil must be a future ISO time; a resolved case is not snoozed; null ends a snooze")
  void snoozeValidation() {
    String id = newCase(hub, team.agent(), "snooze-v", "snoozer-v");
    for (Object bad : List.of(Instant.now().minusSeconds(60).toString(), "tomorrow", 12)) {
      ApiClient.Response r = team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("snoozedUntil", bad));
      assertEquals(400, r.status(), r.body());
      assertEquals("snoozedUntil", field(r));
    }
    String later = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    JsonObject snoozed = team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("snoozedUntil", later)).json();
    assertEquals("pending", snoozed.getString("status"));
    assertEquals(later, snoozed.getString("snoozedUntil"));
    JsonObject woken = team.agent().patch("/api/v1/cases/" + id, new JsonObject().putNull("snoozedUntil")).json();
    assertEquals("open", woken.getString("status"));
    assertNull(woken.getString("snoozedUntil"));
    team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("status", "resolved"));
    ApiClient.Response resolved = team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("snoozedUntil", later));
    assertEquals(400, resolved.status());
    assertEquals("snoozedUntil", field(resolved));
  }

  @Test
  @DisplayName("a snoozed case returns, open, when its time comes (case.snooze_ended)")
  void returnsByTime() {
    String id = newCase(hub, team.agent(), "snooze-t", "snoozer-t");
    String soon = Instant.now().plusSeconds(2).toString();
    assertEquals("pending", team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("snoozedUntil", soon))
        .json().getString("status"));
    assertTrue(eventually(Duration.ofSeconds(20), () -> "open".equals(caseNow(id).getString("status"))),
        "back when the snooze ended: " + caseNow(id).encode());
    assertNull(caseNow(id).getString("snoozedUntil"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> team.admin().get("/api/v1/audit?action=case.snooze_ended").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).anyMatch(e -> ("case:" + id).equals(e.getString("target"))
            && "system:snooze".equals(e.getString("actor")))));
  }

  @Test
  @DisplayName("a snoozed case returns at once, open, when the customer writes again (case.reopened)")
  void returnsWhenTheCustomerWrites() {
    String id = newCase(hub, team.agent(), "snooze-c1", "snoozer-c");
    team.agent().patch("/api/v1/cases/" + id, new JsonObject()
        .put("snoozedUntil", Instant.now().plus(Duration.ofDays(2)).toString()));
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention("snooze-c2", "snoozer-c",
        "@ForkfulEats hello? still nothing"))).status());
    assertEquals(id, caseOf(team.agent(), "snooze-c2"), "the post joins the snoozed case");
    assertTrue(eventually(Duration.ofSeconds(10), () -> "open".equals(caseNow(id).getString("status"))));
    assertNull(caseNow(id).getString("snoozedUntil"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> team.admin().get("/api/v1/audit?action=case.reopened").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).anyMatch(e -> ("case:" + id).equals(e.getString("target")))));
  }

  private static boolean listed(ApiClient reader, String caseId, String externalId) {
    ApiClient.Response r = reader.get("/api/v1/cases/" + caseId);
    return r.status() == 200 && r.json().getJsonArray("thread").stream()
        .anyMatch(o -> externalId.equals(((JsonObject) o).getString("externalId")));
  }
}
