package io.earshot;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Priority grows while a case waits")
class PriorityRefreshIT {

  @Test
  @DisplayName("an unanswered complaint climbs after three days and overtakes a fresh one; answered cases stay put")
  void waitingCasesClimb() {
    try (TestHub hub = TestHub.start()) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      api.ingest(new JsonArray().add(mention("wait-1", "waiting-ann", "@NimbusAir still no refund for my cancelled flight")));
      String caseId = api.get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0).getString("id");
      int before = priority(api, caseId).getInteger("value");

      int changed = hub.hub().refreshPriorities(Instant.now().plus(Duration.ofDays(3))).await();

      JsonObject after = priority(api, caseId);
      assertEquals(1, changed);
      assertTrue(after.getInteger("value") > before, "priority rose from " + before + " to " + after);
      assertTrue(after.getJsonArray("signals").stream().map(o -> ((JsonObject) o).getString("name"))
          .anyMatch(n -> n.contains("wait")), "the waiting signal explains the rise: " + after.encode());
      api.ingest(new JsonArray().add(mention("wait-2", "fresh-bob", "@NimbusAir still no refund for my cancelled flight")));
      assertEquals(caseId, api.get("/api/v1/cases?sort=priority").json().getJsonArray("items").getJsonObject(0)
          .getString("id"), "the complaint that waited three days now sorts first");

      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "pending"));
      JsonObject pending = priority(api, caseId);
      hub.hub().refreshPriorities(Instant.now().plus(Duration.ofDays(5))).await();
      assertEquals(pending, priority(api, caseId), "a case waiting on the customer does not climb");
    }
  }

  private static JsonObject priority(ApiClient api, String caseId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getJsonObject("priority");
  }
}
