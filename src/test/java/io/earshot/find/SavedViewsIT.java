package io.earshot.find;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
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

@DisplayName("Saved views: personal and shared case lists with live counts")
class SavedViewsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestHub hub;
  private static ApiClient admin;
  private static ApiClient ann;
  private static ApiClient mia;
  private static ApiClient bob;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    Team team = Team.of(hub);
    admin = team.admin();
    ann = team.agent();
    mia = team.manager();
    bob = Team.person(hub, admin, "bob", "agent");
    JsonArray mentions = new JsonArray();
    for (int i = 0; i < 6; i++) {
      mentions.add(mention("view-" + i, "viewer-" + i, "@brand " + (i < 2 ? "my router is dead" : "a question")));
    }
    assertEquals(6, admin.ingest(mentions).json().getInteger("accepted"));
    assertTrue(eventually(WAIT, () -> admin.get("/api/v1/cases").json().getLong("total") == 6));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static JsonObject create(ApiClient who, String name, JsonObject filters, boolean shared) {
    ApiClient.Response r = who.post("/api/v1/views", new JsonObject().put("name", name).put("filters", filters)
        .put("shared", shared).put("sort", "newest"));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static JsonObject find(ApiClient who, String id) {
    return who.get("/api/v1/views").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(v -> v.getString("id").equals(id)).findFirst().orElse(null);
  }

  @Test
  @DisplayName("a view keeps its filters and sort, and its count follows the cases live")
  void countFollowsCases() {
    JsonObject view = create(ann, "Routers", new JsonObject().put("q", "router").put("status", "new,open"), false);
    JsonObject listed = find(ann, view.getString("id"));
    assertEquals(new JsonObject().put("q", "router").put("status", "new,open"), listed.getJsonObject("filters"));
    assertEquals("newest", listed.getString("sort"));
    assertEquals(2, listed.getLong("count"));
    admin.ingest(new JsonArray().add(mention("view-late", "viewer-late", "@brand router again")));
    assertTrue(eventually(WAIT, () -> find(ann, view.getString("id")).getLong("count") == 3), "a new case counts");
  }

  @Test
  @DisplayName("assignee me counts each viewer's own cases")
  void meIsTheViewer() {
    String id = admin.get("/api/v1/cases?q=question").json().getJsonArray("items").getJsonObject(0).getString("id");
    assertEquals(200, admin.patch("/api/v1/cases/" + id, new JsonObject().put("assignee", "ann")).status());
    JsonObject view = create(ann, "Mine", new JsonObject().put("assignee", "me"), true);
    assertEquals(1, find(ann, view.getString("id")).getLong("count"));
    assertEquals(0, find(bob, view.getString("id")).getLong("count"));
  }

  @Test
  @DisplayName("a personal view is its owner's alone; a shared one is changed by its owner, a manager or an admin")
  void whoMayChange() {
    JsonObject personal = create(ann, "Ann's", new JsonObject().put("sentiment", "negative"), false);
    assertEquals(null, find(bob, personal.getString("id")), "bob does not see ann's personal view");
    assertEquals(404, bob.patch("/api/v1/views/" + personal.getString("id"), new JsonObject().put("name", "x")).status());
    JsonObject shared = create(ann, "Team queue", new JsonObject().put("status", "new"), true);
    assertTrue(find(bob, shared.getString("id")) != null, "bob sees the shared view");
    assertFalse(find(bob, shared.getString("id")).getBoolean("mine"));
    assertEquals(403, bob.patch("/api/v1/views/" + shared.getString("id"), new JsonObject().put("name", "x")).status());
    assertEquals(403, bob.delete("/api/v1/views/" + shared.getString("id")).status());
    ApiClient.Response renamed = mia.patch("/api/v1/views/" + shared.getString("id"), new JsonObject().put("name", "Queue"));
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("Queue", renamed.json().getString("name"));
    assertEquals(new JsonObject().put("status", "new"), renamed.json().getJsonObject("filters"), "filters kept");
    assertEquals(204, ann.delete("/api/v1/views/" + shared.getString("id")).status());
    assertEquals(null, find(bob, shared.getString("id")));
    assertEquals(404, ann.delete("/api/v1/views/" + shared.getString("id")).status());
  }

  @Test
  @DisplayName("a bad view is a 400 naming the field, a filter as filters.<parameter>")
  void validation() {
    Map<JsonObject, String> bad = Map.of(
        new JsonObject().put("filters", new JsonObject()), "name",
        new JsonObject().put("name", " "), "name",
        new JsonObject().put("name", "a").put("filters", new JsonObject().put("status", "closed")), "filters.status",
        new JsonObject().put("name", "a").put("filters", new JsonObject().put("colour", "red")), "filters.colour",
        new JsonObject().put("name", "a").put("filters", new JsonObject().put("priorityMin", 5)), "filters.priorityMin",
        new JsonObject().put("name", "a").put("filters", "status=new"), "filters",
        new JsonObject().put("name", "a").put("sort", "random"), "sort",
        new JsonObject().put("name", "a").put("shared", "yes"), "shared");
    bad.forEach((body, field) -> {
      ApiClient.Response r = ann.post("/api/v1/views", body);
      assertEquals(400, r.status(), body + ": " + r.body());
      assertEquals(field, r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), body.encode());
    });
    assertTrue(List.of(ann.get("/api/v1/views").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("name")).toArray()).stream().noneMatch(n -> "a".equals(n)));
  }

  @Test
  @DisplayName("creating, changing and deleting a view is audited; a personal view's name is not told")
  void audited() {
    JsonObject shared = create(ann, "Audited queue", new JsonObject().put("status", "open"), true);
    JsonObject personal = create(bob, "Bob's secret list", new JsonObject(), false);
    String object = "view:" + shared.getString("id");
    assertEquals(200, mia.patch("/api/v1/views/" + shared.getString("id"), new JsonObject().put("name", "Audited 2")).status());
    assertEquals(204, ann.delete("/api/v1/views/" + shared.getString("id")).status());
    assertTrue(eventually(WAIT, () -> audit(object).size() == 3), "three changes audited");
    List<JsonObject> rows = audit(object);
    assertEquals(List.of("view.deleted", "view.saved", "view.saved"), rows.stream().map(r -> r.getString("action")).toList());
    assertEquals(List.of("ann", "mia", "ann"), rows.stream().map(r -> r.getString("actor")).toList());
    assertTrue(rows.get(1).getString("detail").contains("'Audited 2'"), rows.get(1).encode());
    assertTrue(eventually(WAIT, () -> audit("view:" + personal.getString("id")).size() == 1), "personal view audited");
    JsonObject told = audit("view:" + personal.getString("id")).get(0);
    assertEquals("created a personal view", told.getString("detail"));
    assertFalse(told.encode().contains("secret"), "the personal view's name stays out of the event");
  }

  private static List<JsonObject> audit(String object) {
    return admin.get("/api/v1/audit?object=" + object).json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).toList();
  }
}
