package io.earshot.web;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.store.AuditLog;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Roles are checked on the server")
class RolesIT {

  @Test
  @DisplayName("a marketer reads the inbox but cannot change or answer cases; only admins add users")
  void marketerReadsOnly() {
    try (TestHub hub = TestHub.start()) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      ApiClient.Response created = admin.post("/api/v1/users", new JsonObject().put("username", "mia")
          .put("password", "marketing-rocks-42").put("role", "marketer"));
      assertEquals(201, created.status(), created.body());
      assertEquals(409, admin.post("/api/v1/users", new JsonObject().put("username", "mia")
          .put("password", "marketing-rocks-42").put("role", "marketer")).status());
      assertEquals("role", admin.post("/api/v1/users", new JsonObject().put("username", "bob")
          .put("password", "long-enough-pw").put("role", "boss")).json().getJsonArray("validation_errors")
          .getJsonObject(0).getString("field"));

      admin.ingest(new JsonArray().add(mention("roles-1", "roles-a", "@brand my order is late")));
      String caseId = admin.get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0).getString("id");

      ApiClient mia = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("mia", "marketing-rocks-42");
      assertEquals(200, mia.get("/api/v1/cases").status());
      assertEquals(403, mia.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "resolved")).status());
      assertEquals(403, mia.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "hi")).status());
      assertEquals(403, mia.post("/api/v1/users", new JsonObject().put("username", "eve")
          .put("password", "another-long-one").put("role", "admin")).status());

      AuditLog audit = new AuditLog(hub.hub().mongo());
      assertEquals(1L, audit.count("user.created", "user:mia").await(), "adding a user is audited");
      assertEquals(1L, audit.count("session.created", "user:mia").await(), "signing in is audited");
      admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "admin"));
      assertEquals(1L, audit.count("case.assigned", "case:" + caseId).await(), "an agent's change is audited");
    }
  }
}
