package io.earshot.web;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.auth.Passwords;
import io.earshot.store.AuditLog;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The people part of the public contract: sessions, users with several roles, and who may change what. */
@DisplayName("People and sessions in the public API")
class PeopleIT {
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    admin = client().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("sign-in and GET /session answer username, roles, the session's CSRF token and mustChangePassword")
  void sessionContract() {
    ApiClient.Response signIn = client().post("/api/v1/session",
        new JsonObject().put("username", "admin").put("password", hub.adminPassword()));
    JsonObject body = signIn.json();
    assertEquals("admin", body.getString("username"));
    assertEquals(new JsonArray().add("admin"), body.getJsonArray("roles"));
    assertTrue(body.getString("csrfToken").length() >= 40, body.encode());
    JsonObject again = admin.get("/api/v1/session").json();
    assertEquals(admin.csrfToken(), again.getString("csrfToken"), "GET /session answers the same session's token");
    assertFalse(body.getBoolean("mustChangePassword"), body.encode());
    assertEquals(4, again.size(), again.encode());
  }

  @Test
  @DisplayName("admins list people as {items, total}, never with password hashes; others may not")
  void listPeople() {
    create("lia-list", "agent");
    ApiClient.Response list = admin.get("/api/v1/users");
    assertEquals(200, list.status());
    JsonObject body = list.json();
    assertEquals(body.getJsonArray("items").size(), body.getInteger("total"));
    JsonObject lia = person(body, "lia-list");
    assertEquals(new JsonArray().add("agent"), lia.getJsonArray("roles"));
    assertFalse(lia.getBoolean("disabled"));
    assertFalse(list.body().contains("pbkdf2") || list.body().toLowerCase().contains("hash"), list.body());
    assertEquals(403, client().login("lia-list", "lia-list-password").get("/api/v1/users").status());
  }

  @Test
  @DisplayName("POST /users takes roles, or the older single role, and names the field at fault")
  void createPeople() {
    ApiClient.Response two = admin.post("/api/v1/users", new JsonObject().put("username", "max-two")
        .put("password", "max-two-password").put("roles", new JsonArray().add("manager").add("agent")));
    assertEquals(201, two.status(), two.body());
    assertEquals(new JsonArray().add("agent").add("manager"), two.json().getJsonArray("roles"));
    ApiClient.Response one = admin.post("/api/v1/users", new JsonObject().put("username", "mia-one")
        .put("password", "mia-one-password").put("role", "marketer"));
    assertEquals(new JsonArray().add("marketer"), one.json().getJsonArray("roles"));
    assertEquals("roles", field(admin.post("/api/v1/users", new JsonObject().put("username", "bad-role")
        .put("password", "bad-role-password").put("roles", new JsonArray().add("boss")))));
    assertEquals("roles", field(admin.post("/api/v1/users", new JsonObject().put("username", "no-role")
        .put("password", "no-role-password").put("roles", new JsonArray()))));
    assertEquals("username", field(admin.post("/api/v1/users", new JsonObject().put("username", "me")
        .put("password", "me-me-me-password").put("role", "agent"))));
    assertEquals(409, admin.post("/api/v1/users", new JsonObject().put("username", "max-two")
        .put("password", "max-two-password").put("role", "agent")).status());
    assertEquals(1L, audit().count("user.created", "user:max-two").await());
  }

  @Test
  @DisplayName("PATCH /users changes roles, capacity and skills, validates each, and audits the change")
  void changePeople() {
    create("kim-change", "agent");
    ApiClient.Response changed = admin.patch("/api/v1/users/kim-change", new JsonObject()
        .put("roles", new JsonArray().add("agent").add("manager")).put("capacity", 5)
        .put("skills", new JsonArray().add(" billing ").add("es")));
    assertEquals(200, changed.status(), changed.body());
    JsonObject kim = changed.json();
    assertEquals(new JsonArray().add("agent").add("manager"), kim.getJsonArray("roles"));
    assertEquals(5, kim.getInteger("capacity"));
    assertEquals(new JsonArray().add("billing").add("es"), kim.getJsonArray("skills"));
    assertEquals("capacity", field(admin.patch("/api/v1/users/kim-change", new JsonObject().put("capacity", -1))));
    assertEquals("capacity", field(admin.patch("/api/v1/users/kim-change", new JsonObject().put("capacity", 2.5))));
    assertEquals("skills", field(admin.patch("/api/v1/users/kim-change", new JsonObject().put("skills", "billing"))));
    assertEquals("disabled", field(admin.patch("/api/v1/users/kim-change", new JsonObject().put("disabled", "yes"))));
    assertEquals("email", field(admin.patch("/api/v1/users/kim-change", new JsonObject().put("email", "k@x"))));
    assertEquals(404, admin.patch("/api/v1/users/nobody-here", new JsonObject().put("capacity", 1)).status());
    assertNull(admin.patch("/api/v1/users/kim-change", new JsonObject().putNull("capacity")).json().getValue("capacity"),
        "null removes the limit");
    assertEquals(2L, audit().count("user.updated", "user:kim-change").await(), "each successful change is audited");
    assertEquals(new JsonArray().add("agent").add("manager"),
        client().login("kim-change", "kim-change-password").get("/api/v1/session").json().getJsonArray("roles"),
        "new roles apply to the next request");
  }

  @Test
  @DisplayName("anyone may change their own password, proving the current one, and nothing else about themselves or others")
  void ownPassword() {
    create("ona-own", "agent");
    create("ola-other", "agent");
    ApiClient ona = client().login("ona-own", "ona-own-password");
    assertEquals(403, ona.patch("/api/v1/users/ona-own", new JsonObject().put("roles", new JsonArray().add("admin"))).status());
    assertEquals(403, ona.patch("/api/v1/users/ola-other", new JsonObject().put("password", "ola-new-password")).status());
    assertEquals("currentPassword", field(ona.patch("/api/v1/users/ona-own", new JsonObject().put("password", "ona-new-password"))));
    assertEquals("currentPassword", field(ona.patch("/api/v1/users/ona-own", new JsonObject()
        .put("password", "ona-new-password").put("currentPassword", "not-it-at-all"))));
    assertEquals("password", field(ona.patch("/api/v1/users/ona-own", new JsonObject()
        .put("password", "short").put("currentPassword", "ona-own-password"))));
    assertEquals(200, ona.patch("/api/v1/users/ona-own", new JsonObject()
        .put("password", "ona-new-password").put("currentPassword", "ona-own-password")).status());
    assertEquals(401, client().post("/api/v1/session", new JsonObject().put("username", "ona-own")
        .put("password", "ona-own-password")).status());
    client().login("ona-own", "ona-new-password");
    assertEquals(1L, audit().count("user.updated", "user:ona-own").await());
  }

  @Test
  @DisplayName("the last active admin can be neither disabled nor demoted (409); with a second admin one may step down")
  void lastAdmin() {
    assertEquals(409, admin.patch("/api/v1/users/admin", new JsonObject().put("disabled", true)).status());
    assertEquals(409, admin.patch("/api/v1/users/admin", new JsonObject().put("roles", new JsonArray().add("agent"))).status());
    assertTrue(admin.get("/api/v1/session").json().getJsonArray("roles").contains("admin"), "nothing changed");
    create("ada-second", "admin");
    ApiClient ada = client().login("ada-second", "ada-second-password");
    assertEquals(200, ada.patch("/api/v1/users/admin", new JsonObject().put("roles", new JsonArray().add("agent"))).status());
    assertEquals(409, ada.patch("/api/v1/users/ada-second", new JsonObject().put("disabled", true)).status());
    assertEquals(200, ada.patch("/api/v1/users/admin", new JsonObject().put("roles", new JsonArray().add("admin"))).status());
  }

  @Test
  @DisplayName("a stored user with the older single role is read as roles and rewritten at its next change")
  void legacyRole() {
    var users = hub.hub().mongo().collection(MongoStore.USERS);
    users.insertOne(new Document("_id", "old-timer").append("username", "old-timer").append("role", "manager")
        .append("passwordHash", Passwords.hash("old-timer-password")).append("createdAt", new Date()));
    assertEquals(new JsonArray().add("manager"), person(admin.get("/api/v1/users").json(), "old-timer").getJsonArray("roles"));
    ApiClient old = client().login("old-timer", "old-timer-password");
    assertEquals(new JsonArray().add("manager"), old.get("/api/v1/session").json().getJsonArray("roles"));
    assertEquals(200, admin.patch("/api/v1/users/old-timer", new JsonObject()
        .put("roles", new JsonArray().add("manager").add("agent"))).status());
    Document stored = users.find(new Document("_id", "old-timer")).first();
    assertFalse(stored.containsKey("role"), stored.toJson());
    assertEquals(java.util.List.of("agent", "manager"), stored.getList("roles", String.class));
  }

  @Test
  @DisplayName("claiming with assignee \"me\" assigns whoever the server signed in")
  void claimAsMe() {
    create("cal-claims", "agent");
    admin.ingest(new JsonArray().add(mention("claim-me-1", "claim-author", "@brand where is my refund?")));
    String caseId = admin.get("/api/v1/cases?limit=500").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getJsonObject("customer").getString("id").endsWith("claim-author"))
        .findFirst().orElseThrow().getString("id");
    ApiClient cal = client().login("cal-claims", "cal-claims-password");
    ApiClient.Response claimed = cal.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "me"));
    assertEquals(200, claimed.status(), claimed.body());
    assertEquals("cal-claims", claimed.json().getString("assignee"));
  }

  private static void create(String name, String role) {
    ApiClient.Response created = admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add(role)));
    assertEquals(201, created.status(), created.body());
  }

  private static JsonObject person(JsonObject list, String name) {
    return list.getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(u -> name.equals(u.getString("username"))).findFirst().orElseThrow();
  }

  private static String field(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  private static AuditLog audit() {
    return new AuditLog(hub.hub().mongo());
  }

  private static ApiClient client() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }
}
