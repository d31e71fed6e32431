package io.earshot.testing;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** An admin, an agent (ann) and a brand manager (mia), signed in to one hub. */
public record Team(ApiClient admin, ApiClient agent, ApiClient manager) {

  public static Team of(TestHub hub) {
    ApiClient admin = hub.api().login("admin", hub.adminPassword());
    return new Team(admin, person(hub, admin, "ann", "agent"), person(hub, admin, "mia", "manager"));
  }

  public static ApiClient person(TestHub hub, ApiClient admin, String name, String role) {
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password-1").put("roles", new JsonArray().add(role))).status());
    return new ApiClient(hub.baseUrl(), hub.ingestToken()).login(name, name + "-password-1");
  }

  public static String awaitCase(ApiClient api) {
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonArray items = api.get("/api/v1/cases").json().getJsonArray("items");
      id[0] = items.isEmpty() ? null : items.getJsonObject(0).getString("id");
      return id[0] != null;
    }), "the sandbox mention became a case");
    return id[0];
  }

  public static JsonObject replyIn(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElseThrow();
  }
}
