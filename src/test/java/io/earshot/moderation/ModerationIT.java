package io.earshot.moderation;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hiding and deleting customers' comments from a real hub, against the Graph emulators of a
 * Facebook Page and its Instagram account: what reaches the platform (once), what the hub keeps,
 * who may, and what the audit log says. One hub for the class; each test seeds its own comments.
 */
@DisplayName("Moderating Facebook and Instagram comments")
class ModerationIT {
  private static Vertx vertx;
  private static MetaEmulator facebook;
  private static MetaEmulator instagram;
  private static TestHub hub;
  private static Team team;
  private static ApiClient marketer;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    facebook = new MetaEmulator(vertx, false);
    instagram = new MetaEmulator(vertx, true);
    await(facebook.start(0));
    await(instagram.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    // Both poll every second: the tests wait for comments by polling, without webhooks.
    HubAccounts.write(connectors, "acme-facebook", "facebook", facebook.baseUrl(),
        Map.of("accessToken", MetaEmulator.PAGE_TOKEN), 1, Map.of());
    HubAccounts.write(connectors, "acme-instagram", "instagram", instagram.baseUrl(),
        Map.of("accessToken", MetaEmulator.PAGE_TOKEN), 1, Map.of());
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
    team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "max", "marketer");
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(facebook.stop());
    await(instagram.stop());
    await(vertx.close());
  }

  /** Seeds one comment and waits until the hub stored it; answers its mention (API JSON). */
  private static JsonObject comment(MetaEmulator meta, String platform, String text) {
    meta.seedMention(text);
    String externalId = meta.mentionIds().get(meta.mentionIds().size() - 1);
    JsonObject[] found = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      team.admin().get("/api/v1/mentions?limit=500&platform=" + platform).json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(m -> externalId.equals(m.getString("externalId")) && m.getString("caseId") != null)
          .findFirst().ifPresent(m -> found[0] = m);
      return found[0] != null;
    }), "the comment " + externalId + " was stored");
    return found[0];
  }

  private static ApiClient.Response moderate(ApiClient as, JsonObject mention, String action) {
    return as.post("/api/v1/mentions/" + URLEncoder.encode(mention.getString("id"), StandardCharsets.UTF_8)
        + "/moderation", new JsonObject().put("action", action));
  }

  private static JsonArray audited(String action, String mentionId) {
    JsonArray out = new JsonArray();
    team.admin().get("/api/v1/audit?action=" + action + "&limit=200").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(e -> ("mention:" + mentionId).equals(e.getString("target"))).forEach(out::add);
    return out;
  }

  private static JsonObject stateInCase(JsonObject mention, ApiClient as) {
    return as.get("/api/v1/cases/" + mention.getString("caseId") + "/moderation").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(m -> mention.getString("id").equals(m.getString("mentionId"))).findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("a manager hides a Facebook comment: it is hidden on the Page once, however often asked, and audited")
  void hideFacebookOnce() {
    JsonObject m = comment(facebook, "facebook", "your support is useless, @Acme");
    ApiClient.Response hidden = moderate(team.manager(), m, "hide");
    assertEquals(200, hidden.status(), hidden.body());
    assertEquals("hidden", hidden.json().getString("state"));
    assertEquals("mia", hidden.json().getString("changedBy"));
    assertEquals(200, moderate(team.manager(), m, "hide").status(), "asking again is no error");
    assertTrue(facebook.hidden(m.getString("externalId")));
    assertEquals(List.of("hide " + m.getString("externalId")), facebook.moderations(), "one call reached the Page");
    assertTrue(eventually(Duration.ofSeconds(5), () -> audited("mention.hidden", m.getString("id")).size() == 1));
    JsonObject entry = audited("mention.hidden", m.getString("id")).getJsonObject(0);
    assertEquals("mia", entry.getString("actor"));
    assertEquals("visible", entry.getJsonObject("data").getString("from"));
    JsonObject shown = stateInCase(m, team.manager());
    assertEquals("hidden", shown.getString("state"));
    assertEquals(new JsonArray().add("unhide").add("delete"), shown.getJsonArray("actions"));
    assertEquals(new JsonArray(), stateInCase(m, team.agent()).getJsonArray("actions"), "an agent sees, may not act");

    assertEquals("visible", moderate(team.admin(), m, "unhide").json().getString("state"));
    assertFalse(facebook.hidden(m.getString("externalId")));
    assertTrue(eventually(Duration.ofSeconds(5), () -> audited("mention.unhidden", m.getString("id")).size() == 1));
  }

  @Test
  @DisplayName("an admin deletes an Instagram comment: gone from the media once, audited, and then neither hidden nor shown")
  void deleteInstagramOnce() {
    JsonObject m = comment(instagram, "instagram", "scam!! dm me for free followers");
    String id = m.getString("externalId");
    int before = instagram.moderations().size();
    ApiClient.Response deleted = moderate(team.admin(), m, "delete");
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("deleted", deleted.json().getString("state"));
    assertEquals(200, moderate(team.admin(), m, "delete").status());
    assertFalse(instagram.mentionIds().contains(id), "the comment is gone from the media");
    assertEquals(List.of("delete " + id), instagram.moderations().subList(before, instagram.moderations().size()));
    ApiClient.Response hide = moderate(team.admin(), m, "hide");
    assertEquals(409, hide.status(), hide.body());
    assertEquals(1, instagram.moderations().size() - before, "nothing more reached Instagram");
    assertTrue(eventually(Duration.ofSeconds(5), () -> audited("mention.deleted", m.getString("id")).size() == 1));
    assertEquals(200, team.admin().get("/api/v1/cases/" + m.getString("caseId")).status(), "the mention stays in Earshot");
    assertEquals(new JsonArray(), stateInCase(m, team.admin()).getJsonArray("actions"));
  }

  @Test
  @DisplayName("Instagram hides with hide=true, and an agent or a marketer is refused (403) without reaching the platform")
  void rolesAndInstagramHide() {
    JsonObject m = comment(instagram, "instagram", "where is my parcel");
    int before = instagram.moderations().size();
    for (ApiClient who : List.of(team.agent(), marketer)) {
      ApiClient.Response refused = moderate(who, m, "hide");
      assertEquals(403, refused.status(), refused.body());
    }
    assertEquals(before, instagram.moderations().size(), "nothing reached Instagram");
    assertFalse(instagram.hidden(m.getString("externalId")));
    assertEquals(200, moderate(team.manager(), m, "hide").status());
    assertTrue(instagram.hidden(m.getString("externalId")));
  }

  @Test
  @DisplayName("a bad action is 400 naming action; an unknown mention 404; a platform that cannot moderate 409")
  void refusals() {
    JsonObject m = comment(facebook, "facebook", "hello");
    ApiClient.Response bad = moderate(team.manager(), m, "ban");
    assertEquals(400, bad.status());
    assertEquals("action", bad.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), bad.body());
    assertEquals(404, moderate(team.manager(), new JsonObject().put("id", "facebook:404_404"), "hide").status());
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention("mod-1", "c1", "@acme hi"))).status());
    JsonObject[] sandbox = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(10), () -> (sandbox[0] = team.admin().get("/api/v1/mentions?platform=sandbox")
        .json().getJsonArray("items").stream().map(o -> (JsonObject) o).findFirst().orElse(null)) != null));
    ApiClient.Response cannot = moderate(team.manager(), sandbox[0], "hide");
    assertEquals(409, cannot.status(), cannot.body());
  }

  @Test
  @DisplayName("a token without pages_manage_engagement is refused by the Page: 409 naming it, nothing stored or audited")
  void missingPermission() {
    JsonObject m = comment(facebook, "facebook", "refund please");
    facebook.revokePermission("pages_manage_engagement");
    try {
      ApiClient.Response refused = moderate(team.manager(), m, "hide");
      assertEquals(409, refused.status(), refused.body());
      assertTrue(refused.body().contains("pages_manage_engagement"), refused.body());
      assertEquals("visible", stateInCase(m, team.manager()).getString("state"));
      assertEquals(0, audited("mention.hidden", m.getString("id")).size());
    } finally {
      facebook.grantPermission("pages_manage_engagement");
    }
  }
}
