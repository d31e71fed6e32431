package io.earshot.ingest;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The ingest API, against real embedded MongoDB and Redis")
class IngestApiIT {
  private static TestHub hub;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    api = hub.api().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("a duplicate mention is acknowledged, not stored twice")
  void duplicateStoredOnce() {
    JsonObject m = mention("dup-1", "dupe-author", "@brand where is my parcel?");
    JsonObject first = api.ingest(new JsonArray().add(m)).json();
    JsonObject second = api.ingest(new JsonArray().add(m).add(m.copy())).json();
    assertEquals(1, first.getInteger("accepted"));
    assertEquals(0, second.getInteger("accepted"));
    assertEquals(2, second.getInteger("duplicates"));
    JsonArray stored = api.get("/api/v1/mentions?platform=sandbox&limit=500").json().getJsonArray("items");
    long copies = stored.stream().filter(o -> ((JsonObject) o).getString("externalId").equals("dup-1")).count();
    assertEquals(1, copies);
  }

  @Test
  @DisplayName("a reply chain lands in one case, even across authors and batches")
  void replyChainIsOneCase() {
    api.ingest(new JsonArray().add(mention("chain-1", "chain-a", "@brand my card was charged twice")));
    JsonObject reply = mention("chain-2", "chain-b", "@chain-a same here!! @brand").put("inReplyTo", "chain-1");
    JsonObject again = mention("chain-3", "chain-a", "still no refund").put("inReplyTo", "chain-2");
    api.ingest(new JsonArray().add(reply).add(again));
    JsonObject first = mentionById("chain-1");
    assertEquals(first.getString("caseId"), mentionById("chain-2").getString("caseId"));
    assertEquals(first.getString("caseId"), mentionById("chain-3").getString("caseId"));
    JsonObject detail = api.get("/api/v1/cases/" + first.getString("caseId")).json();
    assertEquals(3, detail.getJsonArray("thread").size());
    assertEquals(3, detail.getJsonObject("case").getInteger("mentionCount"));
  }

  @Test
  @DisplayName("a batch with malformed items stores the good ones and names each bad one")
  void malformedItemsRejectedIndividually() {
    String good = mention("mixed-good", "mixed-a", "@brand thanks for the quick fix").encode();
    String noText = mention("mixed-notext", "mixed-b", "x").put("text", (String) null).encode();
    String huge = mention("mixed-huge", "mixed-c", "a".repeat(100 * 1024)).encode();
    String badDate = mention("mixed-date", "mixed-d", "hello").put("createdAt", "yesterday").encode();
    String ndjson = String.join("\n", List.of(good, "{not json", noText, huge, badDate, "42", "[1,2]"));
    ApiClient.Response response = api.ingest(ndjson);
    assertEquals(202, response.status(), response.body());
    JsonObject body = response.json();
    assertEquals(1, body.getInteger("accepted"));
    JsonArray rejected = body.getJsonArray("rejected");
    assertEquals(6, rejected.size(), rejected.encodePrettily());
    assertRejected(rejected, 1, "not valid JSON");
    assertRejected(rejected, 2, "text: is required");
    assertRejected(rejected, 3, "text: 102400 characters");
    assertRejected(rejected, 4, "createdAt: 'yesterday' is not an ISO-8601");
    assertRejected(rejected, 5, "must be a JSON object");
    assertRejected(rejected, 6, "must be a JSON object");
  }

  @Test
  @DisplayName("a JSON array batch judges each item on its own")
  void jsonArrayItemsJudgedAlone() {
    JsonArray batch = new JsonArray().add(mention("arr-1", "arr-a", "ok")).add("a string")
        .add(mention("arr-2", "arr-b", "ok").put("platform", "myspace"))
        .add(mention("arr-3", "arr-c", "ok").put("author", new JsonObject().put("handle", "nobody")));
    JsonObject body = api.ingest(batch).json();
    assertEquals(1, body.getInteger("accepted"));
    JsonArray rejected = body.getJsonArray("rejected");
    assertRejected(rejected, 1, "must be a JSON object");
    assertRejected(rejected, 2, "platform: 'myspace' is not one of");
    assertRejected(rejected, 3, "author.id: is required");
  }

  @Test
  @DisplayName("a body that is neither a JSON array nor NDJSON, or no token, is a 4xx with a message")
  void unusableRequestsAre4xx() {
    ApiClient.Response truncated = api.ingest("[{\"platform\":\"x\"");
    assertEquals(400, truncated.status());
    assertTrue(truncated.json().getString("message").startsWith("body: not a valid JSON array"));
    assertEquals(400, api.ingest("   ").status());
    ApiClient anonymous = new ApiClient(hub.baseUrl(), "wrong-token");
    ApiClient.Response denied = anonymous.ingest(new JsonArray().add(mention("tok-1", "t", "hi")));
    assertEquals(401, denied.status());
    assertEquals("unauthenticated", denied.json().getString("error_code"));
  }

  @Test
  @DisplayName("an NDJSON line that is not valid UTF-8 is rejected on its own; a JSON array with one is a 400")
  void invalidUtf8Rejected() {
    byte[] good = mention("utf-good", "utf-a", "caf\u00e9 ok").encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bad = "{\"platform\":\"sandbox\",\"text\":\"caf\u00ff\u00fe\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] body = new byte[good.length + 1 + bad.length];
    System.arraycopy(good, 0, body, 0, good.length);
    body[good.length] = '\n';
    System.arraycopy(bad, 0, body, good.length + 1, bad.length);
    JsonObject result = api.ingestBytes(body).json();
    assertEquals(1, result.getInteger("accepted"));
    assertRejected(result.getJsonArray("rejected"), 1, "item: not valid UTF-8 at byte 33 of its line");
    byte[] array = ("[" + new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1) + "]")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ApiClient.Response refused = api.ingestBytes(array);
    assertEquals(400, refused.status());
    assertTrue(refused.json().getString("message").startsWith("body: is not valid UTF-8"), refused.body());
  }

  @Test
  @DisplayName("odd but valid text (emoji, RTL, zero-width) is stored exactly as sent")
  void oddTextKept() {
    String text = "@brand 😡 مرحبا\u200b\u202e still waiting";
    api.ingest(new JsonArray().add(mention("odd-1", "odd-a", text).put("createdAt", Instant.now().toString())));
    assertEquals(text, mentionById("odd-1").getString("text"));
  }

  @Test
  @DisplayName("the inbox API refuses callers without a session")
  void inboxNeedsSession() {
    ApiClient anonymous = new ApiClient(hub.baseUrl(), hub.ingestToken());
    assertEquals(401, anonymous.get("/api/v1/cases").status());
    assertEquals(200, anonymous.get("/api/v1/health").status());
  }

  private static JsonObject mentionById(String externalId) {
    JsonArray items = api.get("/api/v1/mentions?limit=500").json().getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o).filter(o -> o.getString("externalId").equals(externalId))
        .findFirst().orElseThrow(() -> new AssertionError("mention " + externalId + " not stored"));
  }

  private static void assertRejected(JsonArray rejected, int index, String fragment) {
    JsonObject entry = rejected.stream().map(o -> (JsonObject) o).filter(o -> o.getInteger("index") == index)
        .findFirst().orElseThrow(() -> new AssertionError("item " + index + " not rejected: " + rejected.encode()));
    assertTrue(entry.getString("error").contains(fragment), entry.encode());
  }
}
