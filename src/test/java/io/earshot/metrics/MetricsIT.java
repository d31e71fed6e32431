package io.earshot.metrics;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.PrometheusScrape;
import io.earshot.testing.RawHttp;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} as a Prometheus server sees it: parsed by the Prometheus project's own
 * text-format parser, every family Earshot promises present, and the figures moving with what
 * the hub really did.
 */
@DisplayName("GET /metrics")
class MetricsIT {
  private static final String TOKEN = "metrics-test-token-0123456789";
  /** Vert.x Web names a route through its sub-routers, each mount point followed by {@code >}. */
  private static final String MENTIONS_ROUTE = "/api/>/v1/mentions";
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static ApiClient admin;
  private static Vertx receiverVertx;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
        "EARSHOT_METRICS_TOKEN", TOKEN, "EARSHOT_HTTP_INSTANCES", "3"));
    admin = hub.api().login("admin", hub.adminPassword());
    receiverVertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
    receiverVertx.close().await();
  }

  @Test
  @DisplayName("is refused without the metrics token, and does not exist on a hub that has none")
  void needsTheToken() {
    assertEquals(401, hub.api().raw("GET", "/metrics", null, Map.of()).status());
    assertEquals(401, hub.api().raw("GET", "/metrics", null, Map.of("Authorization", "Bearer wrong")).status());
    assertEquals(200, hub.api().raw("GET", "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN)).status());
    try (TestHub plain = TestHub.start()) {
      ApiClient.Response off = plain.api().raw("GET", "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN));
      assertEquals(404, off.status(), off.body());
      assertTrue(off.json().getString("message").contains("EARSHOT_METRICS_TOKEN"), off.body());
    }
  }

  @Test
  @DisplayName("parses as Prometheus text and has every promised family, after a reply is sent and a webhook fails")
  void everyFamily() {
    String caseId = caseFromSandbox("metrics_customer", "@ForkfulEats my order is two hours late");
    String replyId = admin.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "So sorry!"))
        .json().getString("id");
    assertTrue(eventually(Duration.ofSeconds(20), () -> "sent".equals(replyState(caseId, replyId))));
    failingWebhook(caseId);
    PrometheusScrape scrape = scrape();
    assertTrue(scrape.sum("earshot_ingest_mentions", "earshot_ingest_mentions_total",
        l -> "sandbox".equals(l.get("account"))) >= 1);
    assertTrue(scrape.sum("earshot_ingest_lag_seconds", "earshot_ingest_lag_seconds_count",
        l -> "sandbox".equals(l.get("account")) && "created".equals(l.get("from"))) >= 1);
    assertTrue(scrape.sum("earshot_publish_latency_seconds", "earshot_publish_latency_seconds_count",
        l -> "sandbox".equals(l.get("account"))) >= 1);
    assertEquals(Set.of("queued", "sending"), labelValues(scrape, "earshot_outbox_replies", "state"));
    assertTrue(scrape.sum("earshot_webhook_attempts", "earshot_webhook_attempts_total",
        l -> "retrying".equals(l.get("outcome"))) >= 1);
    assertTrue(scrape.sum("earshot_webhook_due", "earshot_webhook_due", l -> true) >= 1, "the failed delivery waits");
    assertEquals(Set.of("staged", "committed"), labelValues(scrape, "earshot_event_queue_entries", "state"));
    assertTrue(scrape.sum("earshot_events", "earshot_events_total", l -> "reply.sent".equals(l.get("type"))) >= 1);
    assertTrue(scrape.sum("earshot_store_group_commit_seconds", "earshot_store_group_commit_seconds_count",
        l -> true) >= 1);
    assertTrue(scrape.sum("earshot_store_group_commit_writes", "earshot_store_group_commit_writes_total",
        l -> true) >= 1);
    assertTrue(labelValues(scrape, "earshot_event_loop_delay_seconds", "loop").size() >= 2, "a series per event loop");
    assertTrue(scrape.sum("vertx_http_server_response_time_seconds", "vertx_http_server_response_time_seconds_count",
        l -> "/api/>/v1/>/cases/:id/replies".equals(l.get("route")) && "POST".equals(l.get("method"))) >= 1,
        "HTTP latency by route: " + labelValues(scrape, "vertx_http_server_response_time_seconds", "route"));
    for (String pool : new String[] {"earshot-mongo", "earshot-passwords"}) {
      assertEquals(1, scrape.family("vertx_pool_queue_pending").samples("vertx_pool_queue_pending",
          l -> pool.equals(l.get("pool_name"))).size(), "queue depth of " + pool);
      assertEquals(1, scrape.family("vertx_pool_in_use").samples("vertx_pool_in_use",
          l -> pool.equals(l.get("pool_name"))).size(), "threads in use of " + pool);
    }
  }

  @Test
  @DisplayName("ingesting 10 mentions moves the ingest counter by 10 and the ingest route's count by one")
  void countsFollowIngest() {
    PrometheusScrape before = scrape();
    JsonArray mentions = new JsonArray();
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 10; i++) {
      mentions.add(ApiClient.mention("m-" + run + "-" + i, "author-" + run + "-" + i, "@ForkfulEats order " + i));
    }
    assertEquals(10, hub.api().ingest(mentions).json().getInteger("accepted"));
    double stored = stored(before);
    assertTrue(eventually(Duration.ofSeconds(10), () -> stored(scrape()) == stored + 10),
        "was " + stored + ", now " + stored(scrape()));
    PrometheusScrape after = scrape();
    assertEquals(requests(before, MENTIONS_ROUTE) + 1, requests(after, MENTIONS_ROUTE));
    assertEquals(stored + 10, after.sum("earshot_ingest_lag_seconds", "earshot_ingest_lag_seconds_count",
        l -> EventMetrics.API.equals(l.get("account")) && "received".equals(l.get("from"))));
  }

  @Test
  @DisplayName("the HTTP verticles serve requests on several event loops")
  void severalEventLoops() {
    for (int i = 0; i < 30; i++) {
      // A connection per request: Vert.x hands each new connection to the next HTTP verticle.
      try (RawHttp connection = new RawHttp(hub.hub().port())) {
        connection.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, connection.read().status());
      }
    }
    PrometheusScrape scrape = scrape();
    long loops = scrape.family("earshot_http_requests_by_loop").samples().stream()
        .filter(s -> s.name().endsWith("_total") && s.value() > 0).map(s -> s.labels().get("loop")).distinct().count();
    assertTrue(loops >= 2, "requests served on " + loops + " loops: " + scrape.family("earshot_http_requests_by_loop"));
  }

  private static PrometheusScrape scrape() {
    ApiClient.Response r = hub.api().raw("GET", "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"), r.header("Content-Type"));
    return PrometheusScrape.parse(r.body());
  }

  private static double stored(PrometheusScrape scrape) {
    return scrape.sum("earshot_ingest_mentions", "earshot_ingest_mentions_total",
        l -> EventMetrics.API.equals(l.get("account")));
  }

  private static double requests(PrometheusScrape scrape, String route) {
    return scrape.sum("vertx_http_server_requests", "vertx_http_server_requests_total",
        l -> route.equals(l.get("route")));
  }

  private static Set<String> labelValues(PrometheusScrape scrape, String family, String label) {
    Set<String> values = new HashSet<>();
    scrape.family(family).samples().forEach(s -> values.add(s.labels().get(label)));
    return values;
  }

  private static String caseFromSandbox(String handle, String text) {
    sandbox.postMention(handle, text);
    assertTrue(eventually(Duration.ofSeconds(20), () -> admin.get("/api/v1/cases").json().getJsonArray("items")
        .stream().map(JsonObject.class::cast).anyMatch(c -> handle.equals(c.getJsonObject("customer").getString("handle")))));
    return admin.get("/api/v1/cases").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(c -> handle.equals(c.getJsonObject("customer").getString("handle"))).findFirst().orElseThrow()
        .getString("id");
  }

  private static String replyState(String caseId, String replyId) {
    return admin.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(JsonObject.class::cast)
        .filter(r -> replyId.equals(r.getString("id"))).findFirst().map(r -> r.getString("state")).orElse(null);
  }

  /** An endpoint that answers 500 to everything, and a case change it subscribes to. */
  private static void failingWebhook(String caseId) {
    int port = receiverVertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(500).end())
        .listen(0).await().actualPort();
    assertEquals(201, admin.post("/api/v1/webhooks", new JsonObject().put("url", "http://127.0.0.1:" + port + "/hook")
        .put("secret", "metrics-webhook-secret-1234").put("events", new JsonArray().add("case.assigned"))).status());
    assertEquals(200, admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "admin")).status());
    assertTrue(eventually(Duration.ofSeconds(20), () -> scrape().sum("earshot_webhook_attempts",
        "earshot_webhook_attempts_total", l -> "retrying".equals(l.get("outcome"))) >= 1));
  }
}
