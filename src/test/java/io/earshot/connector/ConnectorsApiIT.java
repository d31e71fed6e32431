package io.earshot.connector;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/connectors} and {@code PATCH /api/v1/connectors/{name}} as their callers see them. */
@DisplayName("The connector accounts API")
class ConnectorsApiIT {
  private static final String SECRET = "file-disabled-secret-value";

  @Test
  @DisplayName("managers and admins see every account with brand, status, lag, limits and counts, never a credential; only admins switch")
  void listAndSwitch() throws Exception {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path dir = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(dir, "brand-mastodon", "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of());
    Files.writeString(dir.resolve("parked.json"), new JsonObject().put("name", "parked").put("platform", "mastodon")
        .put("enabled", false).put("baseUrl", "https://user:" + SECRET + "@mastodon.example")
        .put("credentials", new JsonObject().put("accessToken", SECRET)).put("pollIntervalSeconds", 30).encode());
    emulator.seedMentions(5, 0);
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", dir.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN))) {
      Team team = Team.of(hub);
      ApiClient marketer = Team.person(hub, team.admin(), "max", "marketer");
      assertTrue(eventually(Duration.ofSeconds(20), () -> account(team.manager(), "brand-mastodon")
          .getJsonObject("counts").getLong("mentionsRead") == 5), "the account read its 5 mentions");
      ApiClient.Response list = team.manager().get("/api/v1/connectors");
      assertEquals(200, list.status());
      assertFalse(list.body().contains(MastodonEmulator.TOKEN) || list.body().contains(SECRET)
          || list.body().contains("credentials") || list.body().contains(emulator.baseUrl()), "no secret: " + list.body());
      JsonObject running = account(team.manager(), "brand-mastodon");
      assertEquals("default", running.getString("brand"));
      assertEquals("mastodon", running.getString("platform"));
      assertEquals("connected", running.getJsonObject("status").getString("state"));
      assertTrue(running.getBoolean("enabled") && running.getBoolean("runs"));
      assertNotNull(running.getJsonObject("lag").getString("newestMentionAt"), "lag is measured: " + running);
      assertNotNull(running.getJsonObject("lag").getLong("sinceLastPollSeconds"));
      assertFalse(running.getJsonObject("rateLimit").getBoolean("limited"));
      assertEquals(null, running.getString("lastError"));
      JsonObject parked = account(team.admin(), "parked");
      assertFalse(parked.getBoolean("runs"));
      assertEquals("disabled", parked.getJsonObject("status").getString("state"));

      assertEquals(403, team.agent().get("/api/v1/connectors").status());
      assertEquals(403, marketer.get("/api/v1/connectors").status());
      assertEquals(401, new ApiClient(hub.baseUrl(), hub.ingestToken()).get("/api/v1/connectors").status());
      JsonObject off = new JsonObject().put("enabled", false);
      assertEquals(403, team.manager().patch("/api/v1/connectors/brand-mastodon", off).status());
      ApiClient.Response bad = team.admin().patch("/api/v1/connectors/brand-mastodon", new JsonObject().put("enabled", "no"));
      assertEquals(400, bad.status());
      assertEquals("enabled", bad.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
      assertEquals(400, team.admin().patch("/api/v1/connectors/brand-mastodon", new JsonObject()).status());
      assertEquals(404, team.admin().patch("/api/v1/connectors/nobody", off).status());
      assertEquals(409, team.admin().patch("/api/v1/connectors/parked", new JsonObject().put("enabled", true)).status(),
          "an account its file disables is enabled in its file");

      ApiClient.Response done = team.admin().patch("/api/v1/connectors/brand-mastodon", off);
      assertEquals(200, done.status(), done.body());
      assertFalse(done.json().getBoolean("enabled"));
      assertEquals("admin", done.json().getJsonObject("switch").getString("changedBy"));
      assertTrue(eventually(Duration.ofSeconds(5), () -> "disabled".equals(account(team.manager(), "brand-mastodon")
          .getJsonObject("status").getString("state"))));
      assertEquals(200, team.admin().patch("/api/v1/connectors/brand-mastodon", off).status(), "switching off again is no change");
    } finally {
      await(emulator.stop());
      await(vertx.close());
    }
  }

  private static JsonObject account(ApiClient api, String name) {
    return api.get("/api/v1/connectors").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(o -> name.equals(o.getString("name"))).findFirst().orElseThrow();
  }
}
