package io.earshot.assign;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Routing policy, availability and cases returning to the queue")
class RoutingApiIT {
  private static TestHub hub;
  private static Team team;
  private static ApiClient bob;

  @BeforeAll
  static void start() {
    hub = TestHub.start(Map.of("EARSHOT_ROUTING_INTERVAL_MS", "100"));
    team = Team.of(hub);
    bob = Team.person(hub, team.admin(), "bob", "agent");
    Team.person(hub, team.admin(), "cy", "agent");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("the routing policy is read by managers, replaced by admins, and bad input names the field")
  void policyValidation() {
    ApiClient admin = team.admin();
    assertField(admin.put("/api/v1/policies/routing", new JsonObject()), 400, "brands");
    assertField(admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "random"))), 400,
        "brands.default.mode");
    assertField(admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "least_load")
        .put("match", new JsonArray().add("zodiac")))), 400, "brands.default.match");
    assertField(admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "least_load")
        .put("reassignAfterMinutes", 0))), 400, "brands.default.reassignAfterMinutes");
    assertField(admin.put("/api/v1/policies/routing", policy("nobody-such-brand", new JsonObject().put("mode", "off"))),
        422, "brands");
    JsonObject off = admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "off"))).json();
    assertEquals("off", off.getJsonObject("brands").getJsonObject("default").getString("mode"));
    assertEquals("off", team.manager().get("/api/v1/policies/routing").json().getJsonObject("brands")
        .getJsonObject("default").getString("mode"));
    assertEquals(403, team.agent().put("/api/v1/policies/routing", off).status());
  }

  @Test
  @DisplayName("agents set their own availability; another's is an admin's to set; a bad value names availability")
  void availability() {
    assertEquals("available", bob.patch("/api/v1/users/bob", new JsonObject().put("availability", "available")).json()
        .getString("availability"));
    assertEquals(403, bob.patch("/api/v1/users/cy", new JsonObject().put("availability", "available")).status());
    assertField(bob.patch("/api/v1/users/bob", new JsonObject().put("availability", "asleep")), 400, "availability");
    JsonArray agents = team.agent().get("/api/v1/agents").json().getJsonArray("items");
    assertTrue(agents.stream().map(o -> (JsonObject) o).anyMatch(a -> a.getString("username").equals("bob")
        && a.getString("availability").equals("available")), agents.encode());
  }

  @Test
  @DisplayName("a case goes to an available agent; when she goes away it returns to the queue and goes to another; one left untouched too long moves on")
  void awayAndUntouched() {
    ApiClient admin = team.admin();
    admin.patch("/api/v1/users/ann", new JsonObject().put("availability", "available").put("capacity", 5));
    admin.patch("/api/v1/users/bob", new JsonObject().put("availability", "away").put("capacity", 5));
    admin.patch("/api/v1/users/cy", new JsonObject().put("availability", "away"));
    assertEquals(200, admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "least_load")
        .put("reassignAfterMinutes", 5))).status());
    hub.api().ingest(new JsonArray().add(mention("route-1", "route-author", "@Brand my router is dead")));
    String caseId = Team.awaitCase(admin);
    assertTrue(eventually(Duration.ofSeconds(10), () -> "ann".equals(assignee(caseId))), "routed to ann");
    bob.patch("/api/v1/users/bob", new JsonObject().put("availability", "available"));
    team.agent().patch("/api/v1/users/ann", new JsonObject().put("availability", "away"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> "bob".equals(assignee(caseId))), "ann went away: bob has it now");
    team.agent().patch("/api/v1/users/ann", new JsonObject().put("availability", "available"));
    Promise<Integer> later = Promise.promise();
    hub.vertx().runOnContext(v -> hub.hub().assign().assigner().round(Instant.now().plus(Duration.ofMinutes(6)))
        .onComplete(later));
    later.future().await();
    assertEquals("ann", assignee(caseId), "bob left it untouched past 5 minutes: it went to someone else");
    assertTrue(eventually(Duration.ofSeconds(5), () -> admin.get("/api/v1/audit?action=case.assigned&actor=system:routing")
        .json().getJsonArray("items").size() >= 4), "each move is a case.assigned by system:routing");
    admin.put("/api/v1/policies/routing", policy("default", new JsonObject().put("mode", "off")));
  }

  private static String assignee(String caseId) {
    return team.admin().get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("assignee");
  }

  private static JsonObject policy(String brand, JsonObject rule) {
    return new JsonObject().put("brands", new JsonObject().put(brand, rule));
  }

  private static void assertField(ApiClient.Response response, int status, String field) {
    assertEquals(status, response.status(), response.body());
    assertEquals(field, response.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"),
        response.body());
  }
}
