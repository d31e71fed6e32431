package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The template files become saved replies once: edits and deletions made since survive a restart. */
@DisplayName("Importing the template files")
class SavedReplyImportIT {

  @Test
  @DisplayName("a deleted imported template stays deleted and an edited one keeps its edit after a restart")
  void importedOnce() {
    Map<String, String> env = Map.of("EARSHOT_DATA_DIR", TestHub.tempDir("earshot-import").toString());
    try (TestHub first = TestHub.start(env)) {
      ApiClient admin = first.api().login("admin", first.adminPassword());
      assertTrue(ids(admin).containsAll(List.of("thanks", "dm-request", "signed")), ids(admin).toString());
      assertEquals(204, admin.delete("/api/v1/templates/dm-request").status());
      assertEquals(200, admin.patch("/api/v1/templates/thanks", new JsonObject().put("body", "Thank you, {{customer.firstName}}!"))
          .status());
    }
    try (TestHub second = TestHub.start(env)) {
      ApiClient admin = second.api().login("admin", second.adminPassword());
      List<String> ids = ids(admin);
      assertFalse(ids.contains("dm-request"), "deleted stays deleted: " + ids);
      JsonObject thanks = new JsonArray(admin.get("/api/v1/templates").body()).stream().map(o -> (JsonObject) o)
          .filter(t -> "thanks".equals(t.getString("id"))).findFirst().orElseThrow();
      assertEquals("Thank you, {{customer.firstName}}!", thanks.getString("body"));
      assertEquals(1, ids.stream().filter("thanks"::equals).count());
    }
  }

  private static List<String> ids(ApiClient admin) {
    return new JsonArray(admin.get("/api/v1/templates").body()).stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
