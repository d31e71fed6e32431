package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
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

/** Personal API tokens as their owner manages them: named, listed, revoked one at a time. */
@DisplayName("Personal API tokens")
class TokensIT {
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
  @DisplayName("a person names tokens, lists only their own without secrets, and revokes one: it answers 401 at once, the other still works")
  void nameListRevoke() {
    ApiClient tia = person("tia-tokens");
    JsonObject named = created(tia.post("/api/v1/tokens", new JsonObject().put("name", "  nightly export ")));
    assertEquals("nightly export", named.getString("name"));
    JsonObject unnamed = created(tia.post("/api/v1/tokens", new JsonObject()));
    assertEquals(null, unnamed.getValue("name"));
    person("ned-neighbour").post("/api/v1/tokens", new JsonObject().put("name", "not tia's"));

    JsonObject list = tia.get("/api/v1/tokens").json();
    assertEquals(2, list.getLong("total"), list.encode());
    List<JsonObject> items = list.getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    assertEquals(List.of(named.getString("id"), unnamed.getString("id")), items.stream().map(t -> t.getString("id")).toList());
    items.forEach(t -> assertEquals(java.util.Set.of("id", "name", "createdAt", "expiresAt"), t.fieldNames()));
    assertFalse(list.encode().contains(named.getString("token")), "never the secret");

    assertEquals(204, tia.delete("/api/v1/tokens/" + named.getString("id")).status());
    assertEquals(401, bearer(named.getString("token")), "revoked at once");
    assertEquals(200, bearer(unnamed.getString("token")), "the other token goes on");
    assertEquals(200, tia.get("/api/v1/session").status(), "and so does the session");
    assertEquals(1, tia.get("/api/v1/tokens").json().getLong("total"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> admin.get("/api/v1/audit?action=token.revoked&object=user:tia-tokens")
        .json().getLong("total") == 1), "audited");
  }

  @Test
  @DisplayName("nobody revokes another's token or a session by id: 404, and it keeps working")
  void onlyOwnTokens() {
    JsonObject owned = created(person("oda-owner").post("/api/v1/tokens", new JsonObject().put("name", "mine")));
    ApiClient other = person("ivo-intruder");
    assertEquals(404, other.delete("/api/v1/tokens/" + owned.getString("id")).status());
    assertEquals(404, admin.delete("/api/v1/tokens/" + owned.getString("id")).status(), "not even an admin, by this route");
    assertEquals(404, other.delete("/api/v1/tokens/no-such-token").status());
    assertEquals(200, bearer(owned.getString("token")));
  }

  @Test
  @DisplayName("a token name is 1 to 64 characters of text: otherwise 400 naming name")
  void badNames() {
    for (Object bad : List.of("", "   ", "n".repeat(65), 5, new JsonArray())) {
      ApiClient.Response r = admin.post("/api/v1/tokens", new JsonObject().put("name", bad));
      assertEquals(400, r.status(), bad + ": " + r.body());
      assertEquals("name", r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    }
  }

  private static JsonObject created(ApiClient.Response r) {
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static ApiClient person(String name) {
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add("agent"))).status());
    return client().login(name, name + "-password");
  }

  private static int bearer(String token) {
    return client().raw("GET", "/api/v1/cases", null, Map.of("Authorization", "Bearer " + token)).status();
  }

  private static ApiClient client() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }
}
