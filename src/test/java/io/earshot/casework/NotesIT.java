package io.earshot.casework;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Internal notes with @mentions")
class NotesIT {
  private static TestHub hub;
  private static Team team;
  private static ApiClient marketer;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "max", "marketer");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String newCase(String externalId) {
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention(externalId, "cust-" + externalId,
        "@ForkfulEats where is my order " + externalId))).status());
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonObject m = team.admin().get("/api/v1/mentions?platform=sandbox&limit=500").json();
      m.getJsonArray("items").stream().map(o -> (JsonObject) o)
          .filter(o -> externalId.equals(o.getString("externalId"))).findFirst()
          .ifPresent(o -> id[0] = o.getString("caseId"));
      // The case is written just after its mention: wait until its thread lists the mention.
      return id[0] != null && listed(team.admin(), id[0], externalId);
    }));
    return id[0];
  }

  @Test
  @DisplayName("a note names existing users as mentions (unknown names stay text), shows in the case in order, and is audited")
  void noteWithMentions() {
    String caseId = newCase("note-1");
    JsonObject first = team.agent().post("/api/v1/cases/" + caseId + "/notes",
        new JsonObject().put("text", "@mia can you check the refund? cc @nobody-here and mail ann@example.com")).json();
    assertEquals(List.of("mia"), first.getJsonArray("mentions").getList(), first.encode());
    assertEquals("ann", first.getString("author"));
    JsonObject second = team.manager().post("/api/v1/cases/" + caseId + "/notes",
        new JsonObject().put("text", "Done, @ann.")).json();
    assertEquals(List.of("ann"), second.getJsonArray("mentions").getList());

    JsonArray notes = team.agent().get("/api/v1/cases/" + caseId).json().getJsonArray("notes");
    assertEquals(2, notes.size());
    assertEquals(first.getString("id"), notes.getJsonObject(0).getString("id"));
    assertEquals("Done, @ann.", notes.getJsonObject(1).getString("text"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> team.admin().get("/api/v1/audit?action=case.noted").json()
        .getJsonArray("items").size() >= 2), "every note is audited");
  }

  @Test
  @DisplayName("the mentioned user is notified live on their own sockets only; everyone sees case.noted")
  void notifiesOnlyTheMentioned() throws Exception {
    String caseId = newCase("note-2");
    try (LiveListener mia = new LiveListener(hub.hub().port(), team.manager().sessionCookie(), hub.baseUrl());
         LiveListener ann = new LiveListener(hub.hub().port(), team.agent().sessionCookie(), hub.baseUrl())) {
      JsonObject note = team.agent().post("/api/v1/cases/" + caseId + "/notes",
          new JsonObject().put("text", "@mia <b>look</b> at this one")).json();
      assertTrue(eventually(Duration.ofSeconds(10), () -> notices(mia).size() == 1), "mia is notified");
      JsonObject data = notices(mia).get(0).getJsonObject("data");
      assertEquals("note.mention", data.getString("kind"));
      assertEquals(caseId, data.getString("caseId"));
      assertEquals(note.getString("id"), data.getString("noteId"));
      assertEquals("ann", data.getString("author"));
      assertEquals("@mia <b>look</b> at this one", data.getString("text"));
      assertTrue(eventually(Duration.ofSeconds(10), () -> ann.saw("case.noted", "note", "id", note.getString("id"))));
      assertTrue(notices(ann).isEmpty(), "nobody else gets mia's notification: " + ann.events());
    }
  }

  @Test
  @DisplayName("a note written through one instance notifies the mentioned user's socket on another, and only theirs")
  void acrossInstances() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("notes-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("notes-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url());
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared)) {
        Team onA = Team.of(a);
        ApiClient miaOnB = new ApiClient(b.baseUrl(), b.ingestToken()).login("mia", "mia-password-1");
        ApiClient annOnB = new ApiClient(b.baseUrl(), b.ingestToken()).login("ann", "ann-password-1");
        assertEquals(202, a.api().ingest(new JsonArray().add(ApiClient.mention("two-hubs", "two-hubs-cust",
            "@ForkfulEats hello from two hubs"))).status());
        String caseId = Team.awaitCase(onA.agent());
        try (LiveListener mia = new LiveListener(b.hub().port(), miaOnB.sessionCookie(), b.baseUrl());
             LiveListener ann = new LiveListener(b.hub().port(), annOnB.sessionCookie(), b.baseUrl())) {
          String noteId = onA.agent().post("/api/v1/cases/" + caseId + "/notes",
              new JsonObject().put("text", "@mia over to you")).json().getString("id");
          assertTrue(eventually(Duration.ofSeconds(10), () -> notices(mia).size() == 1), "mia on B is notified");
          assertEquals(noteId, notices(mia).get(0).getJsonObject("data").getString("noteId"));
          assertTrue(eventually(Duration.ofSeconds(10), () -> ann.saw("case.noted", "note", "id", noteId)));
          assertTrue(notices(ann).isEmpty(), "ann's socket on B never sees mia's notification");
        }
      }
    }
  }

  private static List<JsonObject> notices(LiveListener l) {
    return l.events().stream().filter(e -> "notification".equals(e.getString("type"))).toList();
  }

  @Test
  @DisplayName("a note without text, with control characters or too long is refused naming text; marketers cannot write notes")
  void refusals() {
    String caseId = newCase("note-3");
    for (JsonObject body : List.of(new JsonObject(), new JsonObject().put("text", "  "),
        new JsonObject().put("text", "bad\u0007bell"), new JsonObject().put("text", "x".repeat(5001)),
        new JsonObject().put("text", 42))) {
      ApiClient.Response r = team.agent().post("/api/v1/cases/" + caseId + "/notes", body);
      assertEquals(400, r.status(), r.body());
      assertEquals("text", r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    }
    assertEquals(403, marketer.post("/api/v1/cases/" + caseId + "/notes", new JsonObject().put("text", "hi")).status());
    assertEquals(404, team.agent().post("/api/v1/cases/no-such-case/notes", new JsonObject().put("text", "hi")).status());
    assertFalse(team.agent().get("/api/v1/cases/" + caseId).json().getJsonArray("notes").stream().findAny().isPresent());
  }

  private static boolean listed(ApiClient reader, String caseId, String externalId) {
    ApiClient.Response r = reader.get("/api/v1/cases/" + caseId);
    return r.status() == 200 && r.json().getJsonArray("thread").stream()
        .anyMatch(o -> externalId.equals(((JsonObject) o).getString("externalId")));
  }
}
