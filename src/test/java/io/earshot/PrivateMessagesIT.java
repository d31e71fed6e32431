package io.earshot;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Private messages and the public-to-private hand-off, end to end: a real hub polling a Mastodon
 * emulator that serves direct-visibility mentions, and a Bluesky emulator (an account that cannot
 * send private messages). One hub for the class; each test seeds its own customer.
 */
@DisplayName("Private messages and the public-to-private hand-off")
class PrivateMessagesIT {
  private static final String MASTODON = "brand-mastodon";
  private static Vertx vertx;
  private static MastodonEmulator mastodon;
  private static BlueskyEmulator bluesky;
  private static TestHub hub;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    mastodon = new MastodonEmulator(vertx);
    bluesky = new BlueskyEmulator(vertx);
    await(mastodon.start(0));
    await(bluesky.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, MASTODON, "mastodon", mastodon.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of("streaming", false));
    HubAccounts.write(connectors, "brand-bluesky", "bluesky", bluesky.baseUrl(),
        Map.of("identifier", BlueskyEmulator.HANDLE, "password", "${BLUESKY_PASSWORD}"), 1, Map.of());
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN, "BLUESKY_PASSWORD", BlueskyEmulator.APP_PASSWORD));
    api = hub.api().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(mastodon.stop());
    await(bluesky.stop());
    await(vertx.close());
  }

  @Test
  @DisplayName("a customer's direct message threads into their open case with the brand, marked private in the case view")
  void directMessageThreadsIntoTheCase() {
    String publicId = publicMention("@brand my parcel never came, can you help?");
    String caseId = caseOf(publicId);
    String directId = mastodon.seedDirect(authorOf(publicId), "Order 48151 for Jo Bloggs, 12 Elm Road");

    assertEquals(caseId, caseOf(directId), "the private message joins the customer's case");
    JsonArray thread = api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread");
    assertEquals("public", entry(thread, publicId).getString("visibility"));
    assertEquals("private", entry(thread, directId).getString("visibility"));
    assertTrue(entry(thread, directId).getBoolean("private"));
  }

  @Test
  @DisplayName("a private answer goes out once, as a direct status addressed to the customer alone")
  void privateAnswerGoesOutOnceAsDirect() {
    String publicId = publicMention("@brand the checkout keeps failing");
    String directId = mastodon.seedDirect(authorOf(publicId), "My card ends 4242, the charge went through twice");
    String caseId = caseOf(directId);
    String text = "We have cancelled the second charge.";

    JsonObject reply = api.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", text).put("visibility", "private")).json();
    assertEquals("private", reply.getString("visibility"));
    assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(replyState(caseId, reply.getString("id")))));

    List<JsonObject> sent = mastodon.posted().stream().filter(p -> p.getString("source_text").endsWith(text)).toList();
    assertEquals(1, sent.size(), "published exactly once");
    JsonObject status = sent.get(0);
    assertEquals("direct", status.getString("visibility"));
    assertEquals(directId, status.getString("in_reply_to_id"), "it answers the private message");
    String customer = mastodon.status(directId).getJsonObject("account").getString("acct");
    assertEquals(List.of(customer), status.getJsonArray("mentions").stream()
        .map(m -> ((JsonObject) m).getString("acct")).toList(), "only the customer can read it");
  }

  @Test
  @DisplayName("an answer that names no visibility stays private when it answers a private message")
  void answerToPrivateMessageDefaultsToPrivate() {
    String publicId = publicMention("@brand my login code never arrives");
    String directId = mastodon.seedDirect(authorOf(publicId), "my email is jo@example.com");
    JsonObject reply = api.post("/api/v1/cases/" + caseOf(directId) + "/replies",
        new JsonObject().put("text", "Sent a new code to that address.")).json();
    assertEquals("private", reply.getString("visibility"));
  }

  @Test
  @DisplayName("private text never reaches the analytics overview's questions and examples; public questions do")
  void privateTextStaysOutOfAnalytics() {
    String publicId = publicMention("@brand why does the tracking page show nothing?");
    String directId = mastodon.seedDirect(authorOf(publicId), "why was my account 99-2718 charged twice?");
    caseOf(directId);
    String[] body = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> (body[0] = api.get("/api/v1/analytics/overview").body())
        .contains("why does the tracking page show nothing?")), "the public question is sampled: " + body[0]);
    assertTrue(eventually(Duration.ofSeconds(15), () -> mentionsCounted() >= mastodonMentionsStored()),
        "every stored mention, the private ones too, is counted");
    String overview = api.get("/api/v1/analytics/overview").body();
    assertFalse(overview.contains("99-2718"), overview);
    assertFalse(overview.contains("charged twice"), overview);
    assertFalse(api.get("/api/v1/analytics/export.csv?view=questions").body().contains("99-2718"));
  }

  @Test
  @DisplayName("a private answer through an account that cannot send one is 422 naming visibility; an unknown one 400")
  void privateAnswerRefusedWhereUnsupported() {
    bluesky.seedMention("@brand my order is late");
    String uri = bluesky.mentionUris().get(bluesky.mentionUris().size() - 1);
    assertTrue(eventually(Duration.ofSeconds(15), () -> HubAccounts.stored(hub, "brand-bluesky").containsKey(uri)));
    String caseId = stored(HubAccounts.stored(hub, "brand-bluesky").get(uri).getString("caseId"));
    assertEquals("brand-bluesky", api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("account"));

    ApiClient.Response refused = api.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Please send us your order number.").put("visibility", "private"));
    assertEquals(422, refused.status(), refused.body());
    assertEquals("visibility", refused.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    ApiClient.Response unknown = api.post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Hello").put("visibility", "secret"));
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("visibility", unknown.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("the ingest API takes private: true and the case view marks the message private")
  void ingestApiPrivateFlag() {
    JsonObject dm = ApiClient.mention("dm-ingest-1", "ingest-dm-author", "my address is 3 Oak Lane").put("private", true);
    assertEquals(202, hub.api().ingest(new JsonArray().add(dm)).status());
    ApiClient.Response bad = hub.api().ingest(new JsonArray().add(ApiClient.mention("dm-ingest-2", "x", "hi")
        .put("private", "yes")));
    assertEquals("private", bad.json().getJsonArray("rejected").getJsonObject(0).getString("field"), bad.body());
    JsonObject mention = api.get("/api/v1/mentions?platform=sandbox&limit=50").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(m -> "dm-ingest-1".equals(m.getString("externalId"))).findFirst().orElseThrow();
    assertEquals("private", mention.getString("visibility"));
  }

  private static String publicMention(String text) {
    int before = mastodon.mentionIds().size();
    mastodon.seedMention(text);
    return mastodon.mentionIds().get(before);
  }

  private static String authorOf(String statusId) {
    return mastodon.status(statusId).getJsonObject("account").getString("id");
  }

  /** The case a Mastodon status was threaded into, once the hub has stored it. */
  private static String caseOf(String statusId) {
    Document[] found = new Document[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> (found[0] = HubAccounts.stored(hub, MASTODON).get(statusId)) != null),
        "status " + statusId + " stored");
    return stored(found[0].getString("caseId"));
  }

  /** The case id once the case itself is stored: ingest writes it just after the mention. */
  private static String stored(String caseId) {
    assertTrue(eventually(Duration.ofSeconds(15), () -> api.get("/api/v1/cases/" + caseId).status() == 200), caseId);
    return caseId;
  }

  private static JsonObject entry(JsonArray thread, String externalId) {
    return thread.stream().map(o -> (JsonObject) o).filter(o -> externalId.equals(o.getString("externalId")))
        .findFirst().orElseThrow();
  }

  private static String replyState(String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject()).getString("state");
  }

  private static long mentionsCounted() {
    return api.get("/api/v1/analytics/overview?platform=mastodon").json().getLong("mentions", 0L);
  }

  private static long mastodonMentionsStored() {
    return HubAccounts.stored(hub, MASTODON).size();
  }
}
