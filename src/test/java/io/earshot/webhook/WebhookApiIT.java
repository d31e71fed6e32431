package io.earshot.webhook;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.AuditLog;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The webhooks admin API")
class WebhookApiIT {
  private static final String SECRET = "whsec-0123456789abcdef";

  private static JsonObject endpoint(String url, String secret, JsonArray events) {
    return new JsonObject().put("url", url).put("secret", secret).put("events", events);
  }

  private static String fieldOf(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  @Test
  @DisplayName("bad registrations get a 400 naming the field: url, secret, events or the body")
  void validation() {
    try (TestHub hub = TestHub.start()) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      JsonArray all = new JsonArray().add("*");
      String ok = "https://hooks.example.com/earshot";
      assertEquals("url", fieldOf(admin.post("/api/v1/webhooks", endpoint("ftp://hooks.example.com", SECRET, all))));
      assertEquals("url", fieldOf(admin.post("/api/v1/webhooks",
          endpoint("https://me:pw@hooks.example.com/x", SECRET, all))));
      assertEquals("url", fieldOf(admin.post("/api/v1/webhooks", new JsonObject().put("secret", SECRET)
          .put("events", all))));
      assertEquals("secret", fieldOf(admin.post("/api/v1/webhooks", endpoint(ok, "too-short", all))));
      assertEquals("secret", fieldOf(admin.post("/api/v1/webhooks", new JsonObject().put("url", ok)
          .put("secret", 1234567890123456789L).put("events", all))));
      assertEquals("events", fieldOf(admin.post("/api/v1/webhooks", endpoint(ok, SECRET,
          new JsonArray().add("case.opened").add("case.exploded")))));
      assertEquals("events", fieldOf(admin.post("/api/v1/webhooks", endpoint(ok, SECRET,
          new JsonArray().add("case.reprioritized")))), "live-only events are not offered");
      assertEquals("events", fieldOf(admin.post("/api/v1/webhooks", new JsonObject().put("url", ok)
          .put("secret", SECRET).put("events", "case.opened"))));
      assertEquals("events", fieldOf(admin.post("/api/v1/webhooks", endpoint(ok, SECRET, new JsonArray().add(7)))));
      assertEquals(0, admin.get("/api/v1/webhooks").json().getInteger("total"), "nothing was registered");

      String id = admin.post("/api/v1/webhooks", endpoint(ok, SECRET, all)).json().getString("id");
      assertEquals("enabled", fieldOf(admin.patch("/api/v1/webhooks/" + id, new JsonObject().put("enabled", "no"))));
      assertEquals("body", fieldOf(admin.patch("/api/v1/webhooks/" + id, new JsonObject())));
      assertEquals("state", fieldOf(admin.get("/api/v1/webhooks/" + id + "/deliveries?state=lost")));
      assertEquals(404, admin.get("/api/v1/webhooks/no-such-id").status());
    }
  }

  @Test
  @DisplayName("admins register, list, change, rotate and delete endpoints; no answer carries the secret; all audited")
  void lifecycle() {
    try (TestHub hub = TestHub.start()) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      ApiClient.Response created = admin.post("/api/v1/webhooks", endpoint("https://hooks.example.com/a", SECRET,
          new JsonArray().add("case.opened").add("reply.sent")));
      assertEquals(201, created.status(), created.body());
      assertFalse(created.body().contains(SECRET));
      JsonObject w = created.json();
      String id = w.getString("id");
      assertEquals(new JsonArray().add("case.opened").add("reply.sent"), w.getJsonArray("events"));
      assertTrue(w.getBoolean("enabled"));
      assertEquals("admin", w.getString("createdBy"));

      ApiClient.Response list = admin.get("/api/v1/webhooks");
      assertEquals(1, list.json().getInteger("total"));
      assertEquals(id, list.json().getJsonArray("items").getJsonObject(0).getString("id"));
      assertFalse(list.body().contains(SECRET), "the list never shows a secret");

      String rotated = "whsec-rotated-fedcba9876543210";
      ApiClient.Response changed = admin.patch("/api/v1/webhooks/" + id, new JsonObject().put("enabled", false)
          .put("secret", rotated).put("events", new JsonArray().add("*")));
      assertEquals(200, changed.status(), changed.body());
      assertFalse(changed.json().getBoolean("enabled"));
      assertEquals(new JsonArray().add("*"), changed.json().getJsonArray("events"));
      assertFalse(changed.body().contains(rotated));
      assertEquals(204, admin.delete("/api/v1/webhooks/" + id).status());
      assertEquals(404, admin.get("/api/v1/webhooks/" + id).status());
      assertEquals(404, admin.delete("/api/v1/webhooks/" + id).status());
      assertEquals(0, admin.get("/api/v1/webhooks").json().getInteger("total"));

      AuditLog audit = new AuditLog(hub.hub().mongo());
      for (String action : new String[] {"webhook.created", "webhook.updated", "webhook.deleted"}) {
        assertTrue(eventually(Duration.ofSeconds(5), () -> audit.count(action, "webhook:" + id).await() == 1),
            action + " is audited once");
      }
    }
  }

  @Test
  @DisplayName("only admins see or change webhooks")
  void adminsOnly() {
    try (TestHub hub = TestHub.start()) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      String id = admin.post("/api/v1/webhooks", endpoint("https://hooks.example.com/a", SECRET,
          new JsonArray().add("*"))).json().getString("id");
      assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", "ada")
          .put("password", "agent-password-1").put("role", "agent")).status());
      ApiClient agent = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("ada", "agent-password-1");
      assertEquals(403, agent.get("/api/v1/webhooks").status());
      assertEquals(403, agent.get("/api/v1/webhooks/" + id).status());
      assertEquals(403, agent.post("/api/v1/webhooks", endpoint("https://evil.example.com/", SECRET,
          new JsonArray().add("*"))).status());
      assertEquals(403, agent.patch("/api/v1/webhooks/" + id, new JsonObject().put("enabled", false)).status());
      assertEquals(403, agent.delete("/api/v1/webhooks/" + id).status());
      assertEquals(403, agent.get("/api/v1/webhooks/" + id + "/deliveries").status());
      assertEquals(401, new ApiClient(hub.baseUrl(), hub.ingestToken()).get("/api/v1/webhooks").status());
      assertTrue(admin.get("/api/v1/webhooks/" + id).json().getBoolean("enabled"), "nothing changed");
    }
  }

  @Test
  @DisplayName("a disabled endpoint gets no deliveries while an enabled one does, for the same event")
  void disabledGetsNothing() {
    try (TestHub hub = TestHub.start()) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      JsonArray mentions = new JsonArray().add("mention.received");
      // Port 9 (discard) refuses connections: the deliveries stay in the log, retrying.
      String on = admin.post("/api/v1/webhooks", endpoint("http://127.0.0.1:9/on", SECRET, mentions))
          .json().getString("id");
      String off = admin.post("/api/v1/webhooks", endpoint("http://127.0.0.1:9/off", SECRET, mentions))
          .json().getString("id");
      admin.patch("/api/v1/webhooks/" + off, new JsonObject().put("enabled", false));
      admin.ingest(new JsonArray().add(ApiClient.mention("wh-disabled-1", "c-1", "@Brand hello")));
      assertTrue(eventually(Duration.ofSeconds(10), () ->
          admin.get("/api/v1/webhooks/" + on + "/deliveries").json().getInteger("total") == 1));
      JsonObject log = admin.get("/api/v1/webhooks/" + on + "/deliveries").json().getJsonArray("items")
          .getJsonObject(0);
      assertEquals("mention.received", log.getString("type"));
      assertTrue(eventually(Duration.ofSeconds(10), () -> admin.get("/api/v1/webhooks/" + on + "/deliveries").json()
          .getJsonArray("items").getJsonObject(0).getString("lastError") != null), "the refused attempt is logged");
      assertEquals(0, admin.get("/api/v1/webhooks/" + off + "/deliveries").json().getInteger("total"));
    }
  }
}
