package io.earshot.web.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.RawExchange;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each kind of malformed request, one at a time, byte for byte over a raw socket to a real hub:
 * the status it gets, its {@code error_code} and the part of the request it names. The storm in
 * {@link HostileInputIT} sends these and thousands more mixed; here each is a specification.
 */
@DisplayName("Malformed requests at the HTTP edge")
class MalformedRequestsIT {
  private static final long DEADLINE_MS = 5_000;
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("a malformed percent-escape in the path gets 400 naming path; in the query, 400 naming query")
  void badPercentEncoding() {
    refused(send("GET /api/v1/cases/%zz HTTP/1.1\r\n" + host() + "\r\n"), 400, "invalid", "path");
    refused(send("GET /api/v1/cases/a%e9%2 HTTP/1.1\r\n" + host() + "\r\n"), 400, "invalid", "path");
    refused(send("GET /api/v1/cases?limit=%zz HTTP/1.1\r\n" + host() + "\r\n"), 400, "invalid", "query");
    refused(send("GET /api/v1/health?%=1 HTTP/1.1\r\n" + host() + "\r\n"), 400, "invalid", "query");
  }

  @Test
  @DisplayName("a request line over the limit gets 414, a header block over it 431, a header without a colon 400; each closes the connection")
  void malformedHeads() {
    RawExchange.Answer longLine = send("GET /api/v1/health?x=" + "a".repeat(10_000) + " HTTP/1.1\r\n" + host() + "\r\n");
    refused(longLine, 414, "uri_too_long", "request line");
    assertEquals("close", longLine.header("connection"));
    RawExchange.Answer bigHeaders = send("GET /api/v1/health HTTP/1.1\r\n" + host() + "X-Big: " + "b".repeat(10_000)
        + "\r\n\r\n");
    refused(bigHeaders, 431, "headers_too_large", "headers");
    assertEquals("close", bigHeaders.header("connection"));
    refused(send("GET /api/v1/health HTTP/1.1\r\n" + host() + "Garbage-Without-Colon\r\n\r\n"), 400, "bad_request",
        "request");
  }

  @Test
  @DisplayName("a request asking for an h2c upgrade is answered at once as HTTP/1.1, however its Connection headers are split")
  void h2cUpgradeIsIgnored() {
    RawExchange.Answer split = send("GET /api/v1/health HTTP/1.1\r\n" + host() + "Upgrade: websocketx\r\n"
        + "Connection: Upgrade\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"
        + "Connection: Upgrade, HTTP2-Settings\r\n\r\n");
    assertEquals(200, split.status(), split.failure() + " " + split.headers());
    assertTrue(split.millis() < DEADLINE_MS, "answered in " + split.millis() + " ms");
    RawExchange.Answer proper = send("GET /api/v1/health HTTP/1.1\r\n" + host() + "Upgrade: h2c\r\n"
        + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n");
    assertEquals(200, proper.status(), proper.failure() + " " + proper.headers());
  }

  @Test
  @DisplayName("a wrong method on a path the API has falls through to the files: 401 without a session, 404 with one, in the error shape")
  void wrongMethod() {
    RawExchange.Answer anonymous = send("PUT /api/v1/health HTTP/1.1\r\n" + host() + "Content-Length: 0\r\n\r\n");
    assertEquals(401, anonymous.status(), anonymous.failure() + " " + anonymous.headers() + anonymous.bodyText());
    assertEquals("unauthenticated", new JsonObject(anonymous.bodyText()).getString("error_code"), anonymous.bodyText());
    RawExchange.Answer signedIn = send("PUT /api/v1/health HTTP/1.1\r\n" + host() + "Cookie: " + admin.sessionCookie()
        + "\r\nOrigin: " + admin.origin() + "\r\nX-CSRF-Token: " + admin.csrfToken() + "\r\nContent-Length: 0\r\n\r\n");
    assertEquals(404, signedIn.status(), signedIn.failure() + " " + signedIn.headers() + signedIn.bodyText());
    assertEquals("http_404", new JsonObject(signedIn.bodyText()).getString("error_code"), signedIn.bodyText());
  }

  @Test
  @DisplayName("bad JSON and JSON of the wrong shape get 400 naming body or the field; invalid UTF-8 too")
  void badJson() {
    refused(post("/api/v1/session", "application/json", utf8("{\"username\":")), 400, "invalid", "body");
    refused(post("/api/v1/session", "application/json", utf8("[1,2]")), 400, "invalid", "body");
    refused(post("/api/v1/session", "application/json", utf8("{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}")), 400,
        "invalid", "body");
    refused(post("/api/v1/session", "application/json", new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'}),
        400, "invalid", "body");
    refused(post("/api/v1/session", "application/json", utf8("{\"username\":7,\"password\":\"x\"}")), 400, "invalid",
        "username");
  }

  @Test
  @DisplayName("a JSON route sent another content type gets 415 naming Content-Type; ingest refuses a form the same way")
  void wrongContentType() {
    refused(post("/api/v1/session", "text/plain", utf8("{\"username\":\"a\",\"password\":\"b\"}")), 415,
        "unsupported_media_type", "Content-Type");
    refused(post("/api/v1/session", "application/x-www-form-urlencoded", utf8("username=a&password=b")), 415,
        "unsupported_media_type", "Content-Type");
    RawExchange.Answer form = exchange(("POST /api/v1/mentions HTTP/1.1\r\n" + host() + "Authorization: Bearer "
        + hub.ingestToken() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), utf8("a=b"));
    refused(form, 415, "unsupported_media_type", "Content-Type");
  }

  @Test
  @DisplayName("a chunked body whose chunk size is not hex is cut off at once, and the hub goes on serving")
  void badChunkFraming() {
    byte[] head = ("POST /api/v1/session HTTP/1.1\r\n" + host() + "Content-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    RawExchange.Answer cut = exchange(head, utf8("zz\r\n{\"username\":\"a\"}\r\n0\r\n\r\n"));
    // Vert.x closes the connection as soon as its decoder fails, before any handler can answer:
    // nothing after a garbled chunk can be framed. What matters is that it does not hang.
    assertEquals(0, cut.status(), cut.headers() + cut.bodyText());
    assertTrue(cut.millis() < DEADLINE_MS, "closed after " + cut.millis() + " ms");
    assertEquals(200, admin.get("/api/v1/health").status());
  }

  @Test
  @DisplayName("a live-socket handshake without Upgrade gets 400 naming Upgrade; of another version, 426 naming the one spoken")
  void badHandshake() {
    String cookie = "Cookie: " + admin.sessionCookie() + "\r\nOrigin: " + admin.origin() + "\r\n";
    refused(send("GET /api/v1/live HTTP/1.1\r\n" + host() + cookie + "\r\n"), 400, "invalid", "Upgrade");
    RawExchange.Answer version = send("GET /api/v1/live HTTP/1.1\r\n" + host() + cookie + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");
    refused(version, 426, "upgrade_required", "Sec-WebSocket-Version");
    assertEquals("13", version.header("sec-websocket-version"));
    refused(send("GET /api/v1/live HTTP/1.1\r\n" + host() + cookie + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n"), 400, "invalid", "Sec-WebSocket-Key");
  }

  @Test
  @DisplayName("an NDJSON batch's rejections are numbered by line, blank lines counted; its good lines land")
  void ndjsonIndexesAreLines() {
    String good = ApiClient.mention("malformed-ndjson-good", "malformed-author", "@brand still here").encode();
    byte[] body = utf8(good + "\n\n{\"platform\":\"sandbox\",\"externalId\":\n\n\"not an object\"\n");
    ApiClient.Response answer = admin.ingestBytes(body);
    assertEquals(202, answer.status(), answer.body());
    JsonArray rejected = answer.json().getJsonArray("rejected");
    assertEquals(2, rejected.size(), answer.body());
    assertEquals(2, rejected.getJsonObject(0).getInteger("index"), answer.body());
    assertEquals(4, rejected.getJsonObject(1).getInteger("index"), answer.body());
    assertEquals("item", rejected.getJsonObject(1).getString("field"), answer.body());
    assertEquals(1, answer.json().getInteger("accepted"), answer.body());
  }

  @Test
  @DisplayName("hostile text is stored exactly as sent and answered only as JSON, never as markup a browser would run")
  void hostileTextStaysText() {
    String text = "@brand <script>alert(1)</script><img src=x onerror=alert(1)> \u202Eevil\u202C zero\u200Bwidth";
    JsonArray batch = new JsonArray().add(ApiClient.mention("malformed-hostile-text", "malformed-author-2", text))
        .add(new JsonObject().put("platform", "sandbox").put("externalId", "malformed-bad-date")
            .put("author", new JsonObject().put("id", "malformed-author-2")).put("text", "x")
            .put("createdAt", "+999999999-12-31T23:59:59Z"));
    ApiClient.Response answer = admin.ingest(batch);
    assertEquals(202, answer.status(), answer.body());
    assertEquals("createdAt", answer.json().getJsonArray("rejected").getJsonObject(0).getString("field"));
    Document stored = hub.hub().mongo().collection(MongoStore.MENTIONS).find(new Document("_id",
        "sandbox:malformed-hostile-text")).first();
    assertNotNull(stored, "the good item landed");
    assertEquals(text, stored.getString("text"));
    ApiClient.Response mentions = admin.get("/api/v1/mentions?platform=sandbox&limit=50");
    assertTrue(mentions.header("Content-Type").startsWith("application/json"), mentions.header("Content-Type"));
    assertEquals("nosniff", mentions.header("X-Content-Type-Options"));
    assertTrue(mentions.body().contains("\\u003cscript\\u003e") || mentions.body().contains("<script>"), mentions.body());
    RawExchange.Answer notFound = send("GET /%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1\r\n" + host() + "\r\n");
    assertEquals(401, notFound.status(), "files other than the dashboard's own need a session");
    assertTrue(notFound.header("content-type").startsWith("application/json"), notFound.headers());
  }

  private static void refused(RawExchange.Answer answer, int status, String code, String part) {
    assertEquals(status, answer.status(), answer.failure() + " " + answer.headers() + answer.bodyText());
    assertTrue(answer.millis() < DEADLINE_MS, "answered in " + answer.millis() + " ms");
    assertTrue(answer.header("content-type").startsWith("application/json"), answer.headers());
    JsonObject body = new JsonObject(answer.bodyText());
    assertEquals(code, body.getString("error_code"), body.encode());
    assertTrue(!body.getString("message").isBlank(), body.encode());
    assertEquals(part, body.getJsonArray("validation_errors").getJsonObject(0).getString("field"), body.encode());
  }

  private static RawExchange.Answer post(String path, String type, byte[] body) {
    String head = "POST " + path + " HTTP/1.1\r\n" + host() + "Content-Type: " + type + "\r\nContent-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
  }

  private static RawExchange.Answer send(String head) {
    String closing = head.substring(0, head.length() - 2) + "Connection: close\r\n\r\n";
    return exchange(closing.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
  }

  private static RawExchange.Answer exchange(byte[] head, byte[] body) {
    return RawExchange.exchange(hub.hub().port(), head, body, DEADLINE_MS * 2, false);
  }

  private static String host() {
    return "Host: 127.0.0.1:" + hub.hub().port() + "\r\n";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
