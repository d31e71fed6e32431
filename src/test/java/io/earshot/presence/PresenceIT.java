package io.earshot.presence;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Presence and collision on two hub instances sharing one MongoDB and one Redis. */
@DisplayName("Presence and collision across two instances")
class PresenceIT {
  private static EmbeddedMongo mongo;
  private static EmbeddedRedis redis;
  private static SandboxClient sandbox;
  private static TestHub a;
  private static TestHub b;
  private static ApiClient annOnA;
  private static ApiClient bobOnB;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start(TestHub.tempDir("presence-mongo"), false);
    redis = EmbeddedRedis.start(TestHub.tempDir("presence-redis"));
    sandbox = new SandboxClient();
    Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
        "EARSHOT_PRESENCE_TTL_MS", "1500", "EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString());
    a = TestHub.start(shared);
    b = TestHub.start(shared);
    admin = a.api().login("admin", a.adminPassword());
    annOnA = Team.person(a, admin, "ann", "agent");
    Team.person(a, admin, "bob", "agent");
    bobOnB = new ApiClient(b.baseUrl(), b.ingestToken()).login("bob", "bob-password-1");
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
    sandbox.close();
    redis.close();
    mongo.close();
  }

  private static String newCase(String handle, String text) {
    sandbox.postMention(handle, text);
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonArray items = admin.get("/api/v1/cases").json().getJsonArray("items");
      id[0] = items.stream().map(o -> (JsonObject) o)
          .filter(c -> handle.equals(c.getJsonObject("customer").getString("handle"))).map(c -> c.getString("id"))
          .findFirst().orElse(null);
      return id[0] != null;
    }), "the sandbox mention became a case");
    return id[0];
  }

  @Test
  @DisplayName("typing on instance A is seen through instance B, live and by a read, and lapses when no longer refreshed")
  void typingCrossesInstances() {
    String caseId = newCase("presence_one", "@ForkfulEats where is my pizza");
    try (LiveListener onB = new LiveListener(b.hub().port(), bobOnB.sessionCookie())) {
      JsonObject typed = annOnA.put("/api/v1/cases/" + caseId + "/presence", new JsonObject().put("state", "typing")).json();
      assertEquals("ann", typed.getJsonArray("typing").getJsonObject(0).getString("username"), typed.encode());
      assertTrue(eventually(Duration.ofSeconds(5), () -> onB.events().stream()
          .anyMatch(e -> "presence.changed".equals(e.getString("type"))
              && caseId.equals(e.getJsonObject("data").getString("caseId"))
              && e.getJsonObject("data").getJsonArray("typing").size() == 1)), "B's dashboard was told: " + onB.events());
      JsonObject seenOnB = bobOnB.get("/api/v1/cases/" + caseId + "/presence").json();
      assertEquals("ann", seenOnB.getJsonArray("typing").getJsonObject(0).getString("username"));
      assertEquals("ann", seenOnB.getJsonArray("viewing").getJsonObject(0).getString("username"), "a typist views too");
      assertTrue(eventually(Duration.ofSeconds(5), () -> bobOnB.get("/api/v1/cases/" + caseId + "/presence").json()
          .getJsonArray("typing").isEmpty()), "the signal lapsed without a refresh");
    }
  }

  @Test
  @DisplayName("a reply on a case another agent claimed, or is typing on, is a 409 collision naming them unless confirmed")
  void collisions() {
    String caseId = newCase("presence_two", "@ForkfulEats my burger is missing");
    annOnA.put("/api/v1/cases/" + caseId + "/presence", new JsonObject().put("state", "typing"));
    ApiClient.Response typing = bobOnB.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry, checking now"));
    assertCollision(typing, "typing", "ann");
    annOnA.put("/api/v1/cases/" + caseId + "/presence", new JsonObject().put("state", "gone"));
    assertEquals(200, annOnA.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "me")).status());
    assertCollision(bobOnB.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "Sorry, checking now")),
        "claimed", "ann");
    ApiClient.Response confirmed = bobOnB.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry, checking now").put("confirm", true));
    assertEquals(202, confirmed.status(), confirmed.body());
    assertCollision(annOnA.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "On it!")),
        "replied", "bob");
    ApiClient.Response dancing = annOnA.put("/api/v1/cases/" + caseId + "/presence", new JsonObject().put("state", "dancing"));
    assertEquals(400, dancing.status());
    assertEquals("state", dancing.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    assertEquals(404, annOnA.put("/api/v1/cases/no-such-case/presence", new JsonObject().put("state", "viewing")).status());
  }

  private static void assertCollision(ApiClient.Response r, String reason, String who) {
    assertEquals(409, r.status(), r.body());
    JsonObject body = r.json();
    assertEquals("collision", body.getString("error_code"), body.encode());
    assertEquals(reason, body.getString("reason"), body.encode());
    assertEquals(new JsonArray().add(who), body.getJsonArray("who"), body.encode());
  }
}
