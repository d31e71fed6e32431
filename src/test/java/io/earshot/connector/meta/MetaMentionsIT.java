package io.earshot.connector.meta;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.demo.emulator.meta.MetaWebhookSender;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Instagram @mentions of the brand in other people's posts and comments, on a real hub: they are
 * on no media of the brand's, so only Meta's {@code mentions} webhook tells of them, and the hub
 * reads each from Graph ({@code mentioned_media} / {@code mentioned_comment}) and stores it before
 * it answers the delivery.
 */
@DisplayName("Instagram @mentions into cases")
class MetaMentionsIT {
  private static Vertx vertx;
  private static MetaEmulator meta;
  private static TestHub hub;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    meta = new MetaEmulator(vertx, true);
    await(meta.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, "acme-instagram", "instagram", meta.baseUrl(), Map.of("accessToken",
        MetaEmulator.PAGE_TOKEN, "appSecret", MetaEmulator.APP_SECRET), 30, Map.of());
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
    api = hub.api().login("admin", hub.adminPassword());
    meta.webhooks().subscribe(hub.baseUrl() + "/api/v1/meta/webhook");
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(meta.stop());
    await(vertx.close());
  }

  private static JsonObject stored(String externalId) {
    return api.get("/api/v1/mentions?platform=instagram&limit=500").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(m -> externalId.equals(m.getString("externalId"))).findFirst().orElse(null);
  }

  private static ApiClient.Response signed(JsonObject delivery) {
    String body = delivery.encode();
    return api.raw("POST", "/api/v1/meta/webhook", body, Map.of("Content-Type", "application/json",
        "X-Hub-Signature-256", "sha256=" + MetaWebhookSender.sign(body.getBytes(StandardCharsets.UTF_8),
            MetaEmulator.APP_SECRET)));
  }

  private static JsonObject mentionDelivery(String mediaId, String commentId) {
    JsonObject value = new JsonObject().put("media_id", mediaId);
    if (commentId != null) {
      value.put("comment_id", commentId);
    }
    return new JsonObject().put("object", "instagram").put("entry", new JsonArray().add(new JsonObject()
        .put("id", MetaEmulator.IG_USER_ID).put("time", 1).put("changes", new JsonArray()
            .add(new JsonObject().put("field", "mentions").put("value", value)))));
  }

  @Test
  @DisplayName("a caption @mention arrives as a case by the post's author, within moments, although the account polls every 30 s")
  void captionMention() {
    String mediaId = meta.seedInstagramMention("@acmesupport my new sneakers fell apart after a week", false);
    assertTrue(eventually(Duration.ofSeconds(5), () -> stored(mediaId) != null), "stored from the webhook");
    JsonObject m = stored(mediaId);
    assertEquals("@acmesupport my new sneakers fell apart after a week", m.getString("text"));
    assertTrue(m.getJsonObject("author").getString("handle").startsWith("customer_"), m.encode());
    assertTrue(eventually(Duration.ofSeconds(5), () -> stored(mediaId).getString("caseId") != null));
    JsonObject detail = api.get("/api/v1/cases/" + stored(mediaId).getString("caseId")).json();
    assertEquals("instagram", detail.getJsonObject("case").getString("platform"));
  }

  @Test
  @DisplayName("a comment @mention arrives with its text; delivered twice, it is stored once")
  void commentMentionOnce() {
    String commentId = meta.seedInstagramMention("@acmesupport is this the same fabric as yours?", true);
    assertTrue(eventually(Duration.ofSeconds(5), () -> stored(commentId) != null), "stored from the webhook");
    JsonObject m = stored(commentId);
    assertEquals("unknown", m.getJsonObject("author").getString("handle"), "Meta does not say who wrote it");
    String mediaId = meta.mentionMediaOf(commentId);
    ApiClient.Response again = signed(mentionDelivery(mediaId, commentId));
    assertEquals(200, again.status(), again.body());
    assertEquals(1, again.json().getInteger("mentions"));
    long copies = api.get("/api/v1/mentions?platform=instagram&limit=500").json().getJsonArray("items").stream()
        .filter(o -> commentId.equals(((JsonObject) o).getString("externalId"))).count();
    assertEquals(1, copies, "one mention, however often Meta delivers it");
  }

  @Test
  @DisplayName("a mention Graph no longer has is skipped (200, nothing stored); one it cannot read now is 503, so Meta delivers it again")
  void unreadableMentions() {
    ApiClient.Response gone = signed(mentionDelivery("17999999999999", "17999999999998"));
    assertEquals(200, gone.status(), gone.body());
    assertEquals(0, gone.json().getInteger("mentions"));
    assertEquals(null, stored("17999999999998"));
    meta.webhooks().subscribe(null);
    String commentId = meta.seedInstagramMention("@acmesupport anyone there?", true);
    meta.revokePermission("instagram_manage_comments");
    try {
      ApiClient.Response later = signed(mentionDelivery(meta.mentionMediaOf(commentId), commentId));
      assertEquals(503, later.status(), later.body());
      assertEquals(null, stored(commentId), "nothing stored");
    } finally {
      meta.grantPermission("instagram_manage_comments");
      meta.webhooks().subscribe(hub.baseUrl() + "/api/v1/meta/webhook");
    }
    ApiClient.Response retried = signed(mentionDelivery(meta.mentionMediaOf(commentId), commentId));
    assertEquals(200, retried.status(), retried.body());
    assertTrue(eventually(Duration.ofSeconds(5), () -> stored(commentId) != null), "Meta's next delivery stores it");
  }
}
