package io.earshot.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Brands created at start-up")
class BrandSeedingIT {

  @Test
  @DisplayName("brands.json creates the brands that are missing at each start and never overwrites an admin's edit")
  void seedsMissingOnly() throws IOException {
    Path connectors = TestHub.tempDir("earshot-seed");
    String dataDir = TestHub.tempDir("earshot-seed-data").toString();
    Files.writeString(connectors.resolve(BrandFile.NAME), """
        {"brands": [{"id": "tallycloud", "name": "Tally Cloud", "handles": {"x": ["@TallyCloud"]}}]}""");
    Map<String, String> env = Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(), "EARSHOT_DATA_DIR", dataDir);
    try (TestHub first = TestHub.start(env)) {
      ApiClient admin = first.api().login("admin", first.adminPassword());
      assertEquals("Tally Cloud", admin.get("/api/v1/brands/tallycloud").json().getString("name"));
      assertEquals(200, admin.get("/api/v1/brands/default").status(), "the default brand always exists");
      assertEquals(200, admin.patch("/api/v1/brands/tallycloud", new JsonObject().put("name", "Tally (ours)")).status());
    }
    Files.writeString(connectors.resolve(BrandFile.NAME), """
        {"brands": [{"id": "tallycloud", "name": "Tally Cloud v2"},
                    {"id": "nimbusair", "name": "Nimbus Air", "timeZone": "Europe/Lisbon"}]}""");
    try (TestHub second = TestHub.start(env)) {
      ApiClient admin = second.api().login("admin", second.adminPassword());
      JsonObject tally = admin.get("/api/v1/brands/tallycloud").json();
      assertEquals("Tally (ours)", tally.getString("name"), "the admin's edit stands");
      assertEquals(2, tally.getInteger("version"));
      assertEquals("Europe/Lisbon", admin.get("/api/v1/brands/nimbusair").json().getString("timeZone"));
      assertEquals(3, admin.get("/api/v1/brands").json().getInteger("total"));
    }
  }

  @Test
  @DisplayName("an account naming a brand that does not exist does not run, and health says why")
  void unknownAccountBrand() throws IOException {
    Path connectors = TestHub.tempDir("earshot-ghost");
    Files.writeString(connectors.resolve("ghost.json"), new JsonObject().put("name", "ghost").put("platform", "mastodon")
        .put("baseUrl", "http://127.0.0.1:9").put("credentials", new JsonObject().put("accessToken", "t"))
        .put("brand", "ghostbrand").encode());
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject health = HubAccounts.awaitHealth(api, "ghost", Duration.ofSeconds(10), h -> h.containsKey("state"));
      assertEquals("failing", health.getString("state"), health.encode());
      assertTrue(health.getString("detail").contains("brand 'ghostbrand' is not a known brand"), health.encode());
    }
  }

  @Test
  @DisplayName("a malformed brands.json stops start-up, naming the file and the field")
  void malformedFile() throws IOException {
    Path connectors = TestHub.tempDir("earshot-bad-brands");
    Files.writeString(connectors.resolve(BrandFile.NAME), """
        {"brands": [{"id": "ok", "name": "OK"}, {"id": "bad", "name": "Bad", "timeZone": "Nowhere/Land"}]}""");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString())));
    Throwable cause = e.getCause();
    assertTrue(cause.getMessage().contains(BrandFile.NAME + ": brands[1].timeZone"), cause.getMessage());
  }
}
