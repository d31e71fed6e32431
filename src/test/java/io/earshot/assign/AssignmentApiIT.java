package io.earshot.assign;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Teams and assigning a case to a person or a team")
class AssignmentApiIT {
  private static TestHub hub;
  private static Team team;
  private static String caseId;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
    Team.person(hub, team.admin(), "max", "marketer");
    Team.person(hub, team.admin(), "dan", "agent");
    assertEquals(200, team.admin().patch("/api/v1/users/dan", new JsonObject().put("disabled", true)).status());
    hub.api().ingest(new JsonArray().add(mention("assign-1", "assign-author", "@Brand my parcel is lost")));
    caseId = Team.awaitCase(team.admin());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("an admin creates, renames the members of and deletes a team; everyone signed in lists teams")
  void teamLifecycle() {
    ApiClient admin = team.admin();
    JsonObject created = admin.post("/api/v1/teams", new JsonObject().put("name", "billing")
        .put("members", new JsonArray().add("mia").add("ann"))).json();
    assertEquals("billing", created.getString("name"));
    assertEquals(new JsonArray().add("ann").add("mia"), created.getJsonArray("members"));
    assertEquals(409, admin.post("/api/v1/teams", new JsonObject().put("name", "billing")).status());
    JsonObject changed = admin.patch("/api/v1/teams/billing", new JsonObject().put("members", new JsonArray().add("ann")))
        .json();
    assertEquals(new JsonArray().add("ann"), changed.getJsonArray("members"));
    JsonArray listed = team.agent().get("/api/v1/teams").json().getJsonArray("items");
    assertTrue(listed.stream().anyMatch(t -> "billing".equals(((JsonObject) t).getString("name"))), listed.encode());
    assertEquals(204, admin.delete("/api/v1/teams/billing").status());
    assertEquals(404, admin.patch("/api/v1/teams/billing", new JsonObject().put("members", new JsonArray())).status());
    assertEquals(201, admin.post("/api/v1/teams", new JsonObject().put("name", "billing")).status(),
        "a deleted team's name can be used again");
    assertTrue(ApiClient.eventually(Duration.ofSeconds(5), () -> admin.get("/api/v1/audit?action=team.deleted").json()
        .getJsonArray("items").size() == 1), "the deletion is audited");
  }

  @Test
  @DisplayName("bad team input names its field: a bad name is 400, unknown or marketer members are 422, agents may not manage teams")
  void teamValidation() {
    ApiClient admin = team.admin();
    assertField(admin.post("/api/v1/teams", new JsonObject().put("name", "no spaces here")), 400, "name");
    assertField(admin.post("/api/v1/teams", new JsonObject()), 400, "name");
    assertField(admin.post("/api/v1/teams", new JsonObject().put("name", "ghosts")
        .put("members", new JsonArray().add("nobody-such-user"))), 422, "members");
    assertField(admin.post("/api/v1/teams", new JsonObject().put("name", "sellers")
        .put("members", new JsonArray().add("max"))), 422, "members");
    assertField(admin.post("/api/v1/teams", new JsonObject().put("name", "x1").put("members", "ann")), 400, "members");
    admin.post("/api/v1/teams", new JsonObject().put("name", "shift-b"));
    assertField(admin.patch("/api/v1/teams/shift-b", new JsonObject().put("name", "other")), 400, "name");
    assertField(admin.patch("/api/v1/teams/shift-b", new JsonObject()), 400, "members");
    assertEquals(403, team.agent().post("/api/v1/teams", new JsonObject().put("name", "mine")).status());
  }

  @Test
  @DisplayName("a case goes to an existing user and a team, and back to nobody with null; each change is one case.assigned")
  void assignAndUnassign() {
    team.admin().post("/api/v1/teams", new JsonObject().put("name", "care").put("members", new JsonArray().add("ann")));
    JsonObject assigned = team.agent().patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "mia")
        .put("team", "care")).json();
    assertEquals("mia", assigned.getString("assignee"));
    assertEquals("care", assigned.getString("team"));
    JsonObject cleared = team.agent().patch("/api/v1/cases/" + caseId, new JsonObject().putNull("assignee")
        .putNull("team")).json();
    assertNull(cleared.getString("assignee"));
    assertNull(cleared.getString("team"));
    JsonObject me = team.agent().patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "me")).json();
    assertEquals("ann", me.getString("assignee"));
    assertTrue(ApiClient.eventually(Duration.ofSeconds(5), () -> team.admin().get("/api/v1/audit?action=case.assigned")
        .json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .anyMatch(e -> e.getString("detail", "").contains("team care"))), "the team is told with the assignment");
  }

  @Test
  @DisplayName("nobody-such-user, a disabled user, a marketer and an unknown team are refused with 422 naming the field")
  void refusedAssignees() {
    ApiClient agent = team.agent();
    assertField(agent.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "nobody-such-user")), 422, "assignee");
    assertField(agent.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "dan")), 422, "assignee");
    assertField(agent.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "max")), 422, "assignee");
    assertField(agent.patch("/api/v1/cases/" + caseId, new JsonObject().put("team", "nobody-such-team")), 422, "team");
    assertField(agent.patch("/api/v1/cases/" + caseId, new JsonObject().put("team", 7)), 400, "team");
  }

  private static void assertField(ApiClient.Response response, int status, String field) {
    assertEquals(status, response.status(), response.body());
    JsonObject body = response.json();
    assertEquals(field, body.getJsonArray("validation_errors").getJsonObject(0).getString("field"), body.encode());
  }
}
