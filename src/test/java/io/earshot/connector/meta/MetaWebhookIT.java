package io.earshot.connector.meta;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.demo.emulator.meta.MetaWebhookSender;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook against a real hub: the emulator delivers every new comment, signed with the
 * app secret, to {@code /api/v1/meta/webhook}. The account polls only every 30 s, so anything
 * faster is the webhook's doing; what a lost delivery would have announced is read by the poll
 * that the next delivery (or the interval) starts.
 */
@DisplayName("Meta's webhook on a real hub")
class MetaWebhookIT {
  private static final String VERIFY = "earshot-verify-7f3a";
  private Vertx vertx;
  private MetaEmulator meta;
  private TestHub hub;
  private ApiClient api;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    meta = new MetaEmulator(vertx, false);
    await(meta.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, "acme-facebook", "facebook", meta.baseUrl(), Map.of("accessToken", "${ACME_FB_TOKEN}",
        "appSecret", "${ACME_META_APP_SECRET}", "verifyToken", "${ACME_META_VERIFY_TOKEN}"), 30, Map.of("pageSize", 50));
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(), "ACME_FB_TOKEN", MetaEmulator.PAGE_TOKEN,
        "ACME_META_APP_SECRET", MetaEmulator.APP_SECRET, "ACME_META_VERIFY_TOKEN", VERIFY));
    api = hub.api().login("admin", hub.adminPassword());
    // Once the first poll (at start-up) is done, the next one is due only in 30 s.
    HubAccounts.awaitHealth(api, "acme-facebook", Duration.ofSeconds(10),
        h -> "connected".equals(h.getString("state")) && h.getString("lastPollAt") != null);
    meta.webhooks().subscribe(hub.baseUrl() + "/api/v1/meta/webhook");
  }

  @AfterEach
  void stop() {
    hub.close();
    await(meta.stop());
    await(vertx.close());
  }

  private int total() {
    return mentionTotal(api, "facebook");
  }

  @Test
  @DisplayName("the subscription handshake answers hub.challenge for the configured verify token, 403 for another")
  void handshake() {
    String callback = hub.baseUrl() + "/api/v1/meta/webhook";
    assertEquals("200 1158201444", await(meta.webhooks().verify(callback, VERIFY, "1158201444")));
    assertTrue(await(meta.webhooks().verify(callback, "guessed", "1158201444")).startsWith("403 "));
  }

  @Test
  @DisplayName("a new comment arrives within moments of its delivery although the account polls every 30 s")
  void deliveryBringsThePollForward() {
    meta.seedMention("my order #4411 never arrived");
    long started = System.nanoTime();
    assertTrue(eventually(Duration.ofSeconds(5), () -> total() == 1), "stored after the delivery: " + total());
    System.out.println("meta webhook: comment stored " + (System.nanoTime() - started) / 1_000_000 + " ms after seeding");
    assertEquals(1, meta.webhooks().sent());
  }

  @Test
  @DisplayName("2,000 comments delivered by webhook with a tenth of the deliveries dropped arrive exactly once")
  void lossyDeliveriesLoseNothing() {
    meta.webhooks().drop(0.1);
    for (int chunk = 0; chunk < 10; chunk++) {
      meta.seedMentions(200, 4);
      long due = meta.webhooks().sent();
      assertTrue(eventually(Duration.ofSeconds(20), () -> meta.webhooks().answered() >= due), "deliveries answered");
    }
    MetaWebhookSender hooks = meta.webhooks();
    assertTrue(hooks.dropped() > 150 && hooks.dropped() < 250, "about a tenth dropped: " + hooks.dropped());
    assertEquals(0, hooks.refused(), "every signed delivery was taken");
    assertTrue(eventually(Duration.ofSeconds(60), () -> total() == 2_000), "all stored: " + total());
    System.out.println("meta webhook: " + hooks.sent() + " deliveries sent, " + hooks.dropped() + " dropped, 2000 stored");
    assertEquals(new HashSet<>(meta.mentionIds()), HubAccounts.stored(hub, "acme-facebook").keySet());
    assertEquals(2_000, total(), "no duplicates");
  }

  @Test
  @DisplayName("a forged or unsigned delivery is refused with 401 and stores nothing")
  void forgedDeliveryIsRefused() {
    String body = new JsonObject().put("object", "page").put("entry", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("id", MetaEmulator.PAGE_ID).put("changes", new io.vertx.core.json.JsonArray()))).encode();
    String forged = "sha256=" + MetaWebhookSender.sign(body.getBytes(StandardCharsets.UTF_8), "not-the-app-secret");
    String tampered = "sha256=" + MetaWebhookSender.sign((body + " ").getBytes(StandardCharsets.UTF_8), MetaEmulator.APP_SECRET);
    for (Map<String, String> headers : java.util.List.of(Map.of("Content-Type", "application/json"),
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", forged),
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", tampered),
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", "sha256=zz"))) {
      ApiClient.Response r = api.raw("POST", "/api/v1/meta/webhook", body, headers);
      assertEquals(401, r.status(), headers + ": " + r.body());
    }
    assertEquals(0, total(), "nothing stored");
    String signed = "sha256=" + MetaWebhookSender.sign(body.getBytes(StandardCharsets.UTF_8), MetaEmulator.APP_SECRET);
    ApiClient.Response ok = api.raw("POST", "/api/v1/meta/webhook", body,
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signed));
    assertEquals(200, ok.status(), ok.body());
    assertEquals(1, ok.json().getInteger("woken"), "the signed delivery woke the account's poll");
  }
}
