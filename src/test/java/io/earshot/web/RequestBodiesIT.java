package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.RawHttp;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Request bodies cannot hurt others: nothing is read before the caller is authenticated, every
 * route has a body limit, slow or idle clients are cut off, and only so many bodies are read at
 * once. Driven over raw sockets, since well-behaved HTTP clients never stall half-way.
 */
@DisplayName("Request bodies and connections that cannot hurt others")
class RequestBodiesIT {
  private static final int MIB = 1024 * 1024;
  private static final String METRICS_TOKEN = "request-bodies-metrics-token";
  private static TestHub hub;

  @BeforeAll
  static void start() {
    // The idle timeout is longer than the body deadline, so a stalled body meets its 408 first.
    hub = TestHub.start(Map.of("EARSHOT_HTTP_BODY_TIMEOUT_SECONDS", "3", "EARSHOT_HTTP_IDLE_TIMEOUT_SECONDS", "6",
        "EARSHOT_HTTP_MAX_UPLOADS", "3", "EARSHOT_METRICS_TOKEN", METRICS_TOKEN));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("a sign-in body declared larger than 4 KiB gets 413 with the error body at once, and the connection closes")
  void signInBodyLimit() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/session", "Content-Length: " + 16 * MIB));
      RawHttp.Reply reply = raw.read();
      assertEquals(413, reply.status());
      assertEquals("payload_too_large", new JsonObject(reply.body()).getString("error_code"), reply.body());
      assertTrue(reply.hasHeader("connection", "close"), reply.headers());
      assertTrue(raw.closedWithin(Duration.ofSeconds(5)), "the hub does not wait for a body it refused");
    }
  }

  @Test
  @DisplayName("110 held-open 16 MiB uploads to sign-in are all refused without being read; the hub stays healthy")
  void heldOpenUploads() {
    List<RawHttp> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 110; i++) {
        RawHttp raw = new RawHttp(hub.hub().port());
        clients.add(raw);
        raw.send(post("/api/v1/session", "Content-Length: " + 16 * MIB) + "{\"username\":\"admin\",");
      }
      for (RawHttp raw : clients) {
        assertEquals(413, raw.read().status());
      }
      assertEquals(200, new ApiClient(hub.baseUrl(), hub.ingestToken()).get("/api/v1/health").status());
    } finally {
      clients.forEach(RawHttp::close);
    }
  }

  @Test
  @DisplayName("a chunked sign-in body that grows past its limit is cut off with 413")
  void chunkedSignInBody() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/session", "Transfer-Encoding: chunked"));
      String chunk = "x".repeat(2048);
      for (int i = 0; i < 4; i++) {
        raw.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
      }
      assertEquals(413, raw.read().status());
      assertTrue(raw.closedWithin(Duration.ofSeconds(5)));
    }
  }

  @Test
  @DisplayName("a route that needs a session answers 401 before reading the body, and closes the connection")
  void unauthenticatedBodyNotRead() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/users", "Content-Length: " + 10 * MIB) + "{\"username\":\"" + "x".repeat(60_000));
      RawHttp.Reply reply = raw.read();
      assertEquals(401, reply.status());
      assertTrue(raw.closedWithin(Duration.ofSeconds(5)), "the rest of the body is never read");
    }
  }

  @Test
  @DisplayName("the ingest token is checked before the body is read; ingest bodies are capped at 16 MiB")
  void ingestTokenFirst() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/mentions", "Authorization: Bearer wrong\r\nContent-Length: " + 10 * MIB) + "[");
      assertEquals(401, raw.read().status());
      assertTrue(raw.closedWithin(Duration.ofSeconds(5)));
    }
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/mentions", "Authorization: Bearer " + hub.ingestToken() + "\r\nContent-Length: "
          + (16 * MIB + 1)));
      RawHttp.Reply reply = raw.read();
      assertEquals(413, reply.status());
      assertTrue(reply.body().contains("16777216"), reply.body());
    }
  }

  @Test
  @DisplayName("a body that arrives too slowly is cut off with 408")
  void slowBody() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      raw.send(post("/api/v1/session", "Content-Length: 100") + "{\"username\":");
      RawHttp.Reply reply = raw.read();
      assertEquals(408, reply.status());
      assertEquals("request_timeout", new JsonObject(reply.body()).getString("error_code"));
      assertTrue(raw.closedWithin(Duration.ofSeconds(5)));
    }
  }

  @Test
  @DisplayName("a connection that sends nothing is closed after the idle timeout")
  void idleConnection() {
    try (RawHttp raw = new RawHttp(hub.hub().port())) {
      assertTrue(raw.closedWithin(Duration.ofSeconds(15)), "an idle connection is not kept forever");
    }
  }

  /** What {@code GET /metrics} says about sign-in bodies being read now. */
  private static double anonymousUploadsInFlight() {
    ApiClient.Response scrape = new ApiClient(hub.baseUrl(), hub.ingestToken()).raw("GET", "/metrics", null,
        Map.of("Authorization", "Bearer " + METRICS_TOKEN));
    return scrape.body().lines().filter(l -> l.startsWith("earshot_http_uploads_in_flight{caller=\"anonymous\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
  }

  @Test
  @DisplayName("beyond the cap on sign-in uploads in flight the hub answers 503 with Retry-After; signed-in uploads go on")
  void uploadCap() {
    ApiClient admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    List<RawHttp> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        RawHttp raw = new RawHttp(hub.hub().port());
        stalled.add(raw);
        raw.send(post("/api/v1/session", "Content-Length: 100") + "{");
      }
      // The HTTP instances read on several event loops: the fourth must come after the three are read.
      assertTrue(eventually(Duration.ofSeconds(10), () -> anonymousUploadsInFlight() == 3), "three uploads in flight: " + anonymousUploadsInFlight());
      try (RawHttp extra = new RawHttp(hub.hub().port())) {
        extra.send(post("/api/v1/session", "Content-Length: 100") + "{");
        RawHttp.Reply reply = extra.read();
        assertEquals(503, reply.status(), "a fourth anonymous upload is turned away while three are in flight");
        assertTrue(reply.hasHeader("retry-after", "1"), reply.headers());
      }
      assertEquals(200, admin.patch("/api/v1/users/admin", new JsonObject().put("skills", new JsonArray()))
          .status(), "signed-in callers have their own upload slots");
      for (RawHttp raw : stalled) {
        assertEquals(408, raw.read().status(), "the stalled uploads hit their deadline");
      }
      ApiClient.Response after = new ApiClient(hub.baseUrl(), hub.ingestToken()).post("/api/v1/session",
          new JsonObject().put("username", "admin").put("password", hub.adminPassword()));
      assertEquals(200, after.status(), "slots are free again: " + after.body());
    } finally {
      stalled.forEach(RawHttp::close);
    }
  }

  @Test
  @DisplayName("reply templates and other files outside the dashboard's own assets need a session")
  void staticFilesNeedSession() {
    ApiClient anonymous = new ApiClient(hub.baseUrl(), hub.ingestToken());
    assertEquals(401, anonymous.get("/templates/replies/thanks.hbs").status());
    assertEquals(401, anonymous.get("/templates/").status());
    assertEquals(200, anonymous.get("/").status());
    assertEquals(200, anonymous.get("/app.js").status());
    assertEquals(200, anonymous.get("/style.css").status());
    ApiClient admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    ApiClient.Response template = admin.get("/templates/replies/thanks.hbs");
    assertEquals(200, template.status());
    assertTrue(template.body().contains("{{"), "the template itself: " + template.body());
  }

  private static String post(String path, String headers) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers + "\r\n\r\n";
  }
}
