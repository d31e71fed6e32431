package io.earshot.store;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Embedded storage across restarts")
class RestartIT {

  @Test
  @DisplayName("mentions, cases and sessions' users survive a restart on the same data directory")
  void dataSurvivesRestart() {
    Map<String, String> env = Map.of("EARSHOT_DATA_DIR", TestHub.tempDir("earshot-restart").toString());
    String caseId;
    try (TestHub first = TestHub.start(env)) {
      JsonArray batch = new JsonArray();
      for (int i = 0; i < 50; i++) {
        batch.add(mention("restart-" + i, "author-" + (i % 10), "@LedgerBank card declined again #" + i));
      }
      assertEquals(50, first.api().ingest(batch).json().getInteger("accepted"));
      ApiClient api = first.api().login("admin", first.adminPassword());
      caseId = api.get("/api/v1/cases?sort=newest").json().getJsonArray("items").getJsonObject(0).getString("id");
      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "open").put("assignee", "admin"));
    }
    try (TestHub second = TestHub.start(env)) {
      ApiClient api = second.api().login("admin", second.adminPassword());
      assertEquals(50, api.get("/api/v1/mentions?limit=1").json().getLong("total"));
      JsonObject cases = api.get("/api/v1/cases?limit=100").json();
      assertEquals(10, cases.getLong("total"), "ten authors, ten cases");
      JsonObject kept = api.get("/api/v1/cases/" + caseId).json().getJsonObject("case");
      assertEquals("admin", kept.getString("assignee"));
      assertEquals(5, kept.getInteger("mentionCount"));
      JsonObject dup = second.api().ingest(new JsonArray().add(mention("restart-7", "author-7", "again"))).json();
      assertEquals(1, dup.getInteger("duplicates"), "dedupe still knows mentions stored before the restart");
    }
  }
}
