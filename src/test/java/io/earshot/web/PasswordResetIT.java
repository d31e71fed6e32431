package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A password an admin sets is one its owner must replace before doing anything else. */
@DisplayName("Password reset: the user sets a new one at next sign-in")
class PasswordResetIT {
  private static final String REQUIRED = "password_change_required";
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
  @DisplayName("after an admin resets ann's password she signs in, is refused everything but changing it, and then works as before")
  void resetThenChange() {
    create("ann", "agent");
    String oldToken = client().login("ann", "ann-password").post("/api/v1/tokens", new JsonObject()).json().getString("token");
    assertEquals(200, admin.patch("/api/v1/users/ann", new JsonObject().put("password", "reset-by-admin")).status());
    assertTrue(storedFlag("ann"), "the user document is marked");
    assertEquals(401, bearer(oldToken, "/api/v1/cases"), "the reset ended ann's tokens");

    ApiClient.Response signIn = client().post("/api/v1/session",
        new JsonObject().put("username", "ann").put("password", "reset-by-admin"));
    assertEquals(200, signIn.status(), signIn.body());
    assertTrue(signIn.json().getBoolean("mustChangePassword"), signIn.body());
    ApiClient ann = client().login("ann", "reset-by-admin");
    assertTrue(ann.get("/api/v1/session").json().getBoolean("mustChangePassword"));
    assertRequired(ann.get("/api/v1/cases"));
    assertRequired(ann.get("/api/v1/brands"));
    assertRequired(ann.post("/api/v1/tokens", new JsonObject()));
    assertRequired(ann.patch("/api/v1/users/admin", new JsonObject().put("password", "taken-over-now")));
    assertEquals(403, LiveListener.upgradeStatus(hub.hub().port(), ann.sessionCookie(), ann.origin()), "nor the live socket");
    assertEquals("password", field(ann.patch("/api/v1/users/ann", new JsonObject()
        .put("password", "reset-by-admin").put("currentPassword", "reset-by-admin"))), "the admin's password stays unusable");

    assertEquals(200, ann.patch("/api/v1/users/ann", new JsonObject()
        .put("password", "ann-chose-this").put("currentPassword", "reset-by-admin")).status());
    assertFalse(storedFlag("ann"), "the flag is gone");
    assertFalse(ann.get("/api/v1/session").json().getBoolean("mustChangePassword"));
    assertEquals(200, ann.get("/api/v1/cases").status(), "the same session goes on");
    assertFalse(client().login("ann", "ann-chose-this").get("/api/v1/session").json().getBoolean("mustChangePassword"));
  }

  @Test
  @DisplayName("while held back, a reset admin may change only their own password, not their roles")
  void resetAdminChangesOnlyPassword() {
    create("ada-reset", "admin");
    assertEquals(200, admin.patch("/api/v1/users/ada-reset", new JsonObject().put("password", "reset-by-admin")).status());
    ApiClient ada = client().login("ada-reset", "reset-by-admin");
    assertRequired(ada.patch("/api/v1/users/ada-reset", new JsonObject().put("password", "ada-chose-this")
        .put("currentPassword", "reset-by-admin").put("roles", new JsonArray().add("agent"))));
    assertRequired(ada.get("/api/v1/users"));
    assertEquals(204, ada.delete("/api/v1/session").status(), "signing out stays possible");
  }

  @Test
  @DisplayName("a user changing their own password never gets the flag; an admin changing their own neither")
  void ownChangeNeverFlags() {
    create("bob-self", "agent");
    ApiClient bob = client().login("bob-self", "bob-self-password");
    assertEquals(200, bob.patch("/api/v1/users/bob-self", new JsonObject()
        .put("password", "bob-self-new-password").put("currentPassword", "bob-self-password")).status());
    assertFalse(storedFlag("bob-self"));
    assertFalse(bob.get("/api/v1/session").json().getBoolean("mustChangePassword"));
    assertEquals(200, bob.get("/api/v1/cases").status());
    create("amy-admin", "admin");
    ApiClient amy = client().login("amy-admin", "amy-admin-password");
    assertEquals(200, amy.patch("/api/v1/users/amy-admin", new JsonObject()
        .put("password", "amy-admin-new-password").put("currentPassword", "amy-admin-password")).status());
    assertFalse(storedFlag("amy-admin"));
  }

  private static void assertRequired(ApiClient.Response r) {
    assertEquals(403, r.status(), r.body());
    assertEquals(REQUIRED, r.json().getString("error_code"), r.body());
  }

  private static boolean storedFlag(String username) {
    Document stored = hub.hub().mongo().collection(MongoStore.USERS).find(new Document("_id", username)).first();
    return Boolean.TRUE.equals(stored.getBoolean("mustChangePassword"));
  }

  private static int bearer(String token, String path) {
    return client().raw("GET", path, null, Map.of("Authorization", "Bearer " + token)).status();
  }

  private static void create(String name, String role) {
    ApiClient.Response created = admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add(role)));
    assertEquals(201, created.status(), created.body());
  }

  private static String field(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  private static ApiClient client() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }
}
