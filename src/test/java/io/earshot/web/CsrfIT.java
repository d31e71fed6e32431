package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.earshot.web.CsrfSamples.Sample;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Requests that cannot be forged. The state-changing routes come from the hub's own router, so a
 * route added later is covered (or this test fails, asking for a sample request for it). Each
 * sample is one that succeeds when sent properly, proven at the end, so the refusals before it
 * are the CSRF rules at work and not a bad request.
 */
@DisplayName("Requests that cannot be forged")
class CsrfIT {
  private static final String FOREIGN = "http://127.0.0.1:1";
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static ApiClient admin;
  private static String caseId;
  private static io.vertx.core.Vertx receiverVertx;
  private static String webhookId;
  private static String deletableWebhookId;
  private static String deliveryId;
  private static String heldReplyId;
  private static String tokenId;
  private static String templateId;
  private static String deletableTemplateId;
  private static String viewId;
  private static String deletableViewId;
  private static String sendingBroadcastId;
  private static String pausedBroadcastId;
  private static String mergeFrom;
  private static String mergeInto;

  private static String problemId;
  private static io.earshot.testing.MetaPage metaPage;
  private static String commentId;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    metaPage = new io.earshot.testing.MetaPage();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", metaPage.addAccount(sandbox.connectorsDir()).toString()));
    sandbox.postMention("csrf_customer", "@ForkfulEats my order never came");
    admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get("/api/v1/cases").json().getJsonArray("items").isEmpty()));
    caseId = admin.get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0).getString("id");
    commentId = metaPage.comment(admin, "your app keeps crashing");
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", "csrf-target")
        .put("password", "csrf-target-password").put("roles", new JsonArray().add("agent"))).status());
    heldReplyId = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("csrf-target", "csrf-target-password")
        .post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "A refund is on its way"))
        .json().getString("id");
    tokenId = admin.post("/api/v1/tokens", new JsonObject().put("name", "csrf-revocable")).json().getString("id");
    templateId = admin.post("/api/v1/templates", new JsonObject().put("name", "CSRF kept").put("body", "Hi"))
        .json().getString("id");
    deletableTemplateId = admin.post("/api/v1/templates", new JsonObject().put("name", "CSRF deletable")
        .put("body", "Hi")).json().getString("id");
    viewId = admin.post("/api/v1/views", new JsonObject().put("name", "Kept")).json().getString("id");
    deletableViewId = admin.post("/api/v1/views", new JsonObject().put("name", "Doomed")).json().getString("id");
    webhooks();
    assertEquals(201, admin.post("/api/v1/departments", new JsonObject().put("id", "billing").put("name", "Billing"))
        .status());
    assertEquals(201, admin.post("/api/v1/departments", new JsonObject().put("id", "csrf-gone").put("name", "Gone"))
        .status());
    problemId = admin.post("/api/v1/problems", new JsonObject().put("title", "CSRF").put("department", "billing"))
        .json().getString("id");
    sendingBroadcastId = forgedBroadcast("sending");
    pausedBroadcastId = forgedBroadcast("paused");
    mergeCases();
  }

  /** A held broadcast moved to {@code state} in the store (never approved, so the runner never sends it). */
  private static String forgedBroadcast(String state) {
    String id = admin.post("/api/v1/broadcasts", CsrfSamples.broadcast()).json().getString("id");
    hub.hub().mongo().write(() -> hub.hub().mongo().collection(MongoStore.BROADCASTS).updateOne(
        com.mongodb.client.model.Filters.eq("_id", id), com.mongodb.client.model.Updates.set("state", state))).await();
    return id;
  }

  private static void mergeCases() {
    mergeFrom = ingestedCase(ApiClient.mention("csrf-old", "csrf-two", "@ForkfulEats first")
        .put("createdAt", java.time.Instant.now().minus(Duration.ofDays(10)).toString()));
    mergeInto = ingestedCase(ApiClient.mention("csrf-new", "csrf-two", "@ForkfulEats second"));
  }

  /** The case an ingested mention landed in (a customer's posts ten days apart are two cases). */
  private static String ingestedCase(JsonObject mention) {
    assertEquals(202, hub.api().ingest(new JsonArray().add(mention)).status());
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(20), () -> {
      admin.get("/api/v1/mentions?platform=sandbox&limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(o -> mention.getString("externalId").equals(o.getString("externalId")))
          .findFirst().ifPresent(o -> id[0] = o.getString("caseId"));
      return id[0] != null;
    }));
    return id[0];
  }

  /** Two endpoints on a receiver that accepts everything, and one delivered event to replay. */
  private static void webhooks() {
    receiverVertx = io.vertx.core.Vertx.vertx();
    int port = receiverVertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(204).end())
        .listen(0).await().actualPort();
    JsonObject endpoint = new JsonObject().put("url", "http://127.0.0.1:" + port + "/hook")
        .put("secret", "csrf-webhook-secret-1234").put("events", new JsonArray().add("case.assigned"));
    webhookId = admin.post("/api/v1/webhooks", endpoint).json().getString("id");
    deletableWebhookId = admin.post("/api/v1/webhooks", endpoint).json().getString("id");
    admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "csrf-target"));
    admin.post("/api/v1/teams", new JsonObject().put("name", "csrf-team"));
    admin.post("/api/v1/teams", new JsonObject().put("name", "csrf-team-gone"));
    String path = "/api/v1/webhooks/" + webhookId + "/deliveries?state=delivered";
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get(path).json().getJsonArray("items").isEmpty()));
    deliveryId = admin.get(path).json().getJsonArray("items").getJsonObject(0).getString("id");
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
    metaPage.close();
    receiverVertx.close().await();
  }

  /** Sample requests per route pattern, in the order the positive controls run (sign-out last). */
  private static Map<String, Sample> samples() {
    return CsrfSamples.of(new CsrfSamples.Fixture(caseId, webhookId, deletableWebhookId, deliveryId, heldReplyId,
        tokenId, templateId, deletableTemplateId, viewId, deletableViewId, sendingBroadcastId, pausedBroadcastId,
        mergeFrom, mergeInto, problemId, commentId));
  }

  @Test
  @DisplayName("every state-changing route refuses a valid cookie from a foreign Origin, or without the CSRF token, with 403, and changes nothing")
  void everyRouteRefusesForgery() {
    Map<String, Sample> samples = samples();
    List<String> routes = new ArrayList<>(hub.hub().http().stateChangingRoutes());
    assertTrue(routes.containsAll(samples.keySet()) && routes.contains("POST /api/v1/session"),
        "routes read from the router: " + routes);
    Map<String, Object> before = snapshot();
    for (String route : routes) {
      if (route.equals("POST /api/v1/session") || route.equals("POST /api/v1/mentions")
          || route.equals("POST /api/v1/meta/webhook")) {
        continue; // sign-in and ingest: their own tests below; Meta's webhook: signed deliveries, MetaWebhookIT
      }
      Sample sample = samples.get(route);
      if (sample == null) {
        fail("new state-changing route " + route + ": add a sample request for it to CsrfSamples");
      }
      for (Map.Entry<String, Map<String, String>> attempt : forgeries().entrySet()) {
        ApiClient.Response r = admin.raw(sample.method(), sample.path(), encode(sample.body()), attempt.getValue());
        assertEquals(403, r.status(), route + " " + attempt.getKey() + ": " + r.body());
        assertEquals("csrf_rejected", r.json().getString("error_code"), route + " " + attempt.getKey());
      }
    }
    assertEquals(before, snapshot(), "no refused request changed anything");
    for (Sample sample : samples.values()) {
      ApiClient.Response r = admin.raw(sample.method(), sample.path(), encode(sample.body()), proper());
      assertTrue(r.status() >= 200 && r.status() < 300, "sent properly, " + sample + " succeeds: " + r.status() + " " + r.body());
    }
    assertFalse(before.equals(snapshot()), "the same requests, sent properly, did change things");
  }

  @Test
  @DisplayName("bearer-token requests need neither Origin nor CSRF token; a cookie alone cannot ingest")
  void bearerExempt() {
    ApiClient me = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    String token = me.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    ApiClient script = new ApiClient(hub.baseUrl(), hub.ingestToken());
    ApiClient.Response patched = script.raw("PATCH", "/api/v1/cases/" + caseId, new JsonObject().put("status", "open").encode(),
        Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
    assertEquals(200, patched.status(), patched.body());
    ApiClient.Response cookieIngest = me.raw("POST", "/api/v1/mentions", "[]",
        Map.of("Content-Type", "application/json", "Origin", me.origin(), "X-CSRF-Token", me.csrfToken()));
    assertEquals(401, cookieIngest.status(), "ingest takes only its bearer token");
  }

  @Test
  @DisplayName("JSON routes refuse forms and text/plain with 415, before reading them")
  void jsonOnly() {
    ApiClient me = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    String body = new JsonObject().put("username", "form-made").put("password", "form-made-password")
        .put("roles", new JsonArray().add("admin")).encode();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
      ApiClient.Response r = me.raw("POST", "/api/v1/users", body,
          Map.of("Content-Type", type, "Origin", me.origin(), "X-CSRF-Token", me.csrfToken()));
      assertEquals(415, r.status(), type + ": " + r.body());
      assertEquals("unsupported_media_type", r.json().getString("error_code"));
    }
    ApiClient.Response noType = me.raw("POST", "/api/v1/users", body, Map.of("Origin", me.origin(), "X-CSRF-Token", me.csrfToken()));
    assertEquals(415, noType.status(), "a body without a type is not JSON either");
    assertTrue(me.get("/api/v1/users").json().getJsonArray("items").stream()
        .noneMatch(u -> "form-made".equals(((JsonObject) u).getString("username"))), "no user was made");
    ApiClient.Response signIn = new ApiClient(hub.baseUrl(), hub.ingestToken()).raw("POST", "/api/v1/session",
        "username=admin&password=" + hub.adminPassword(), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertEquals(415, signIn.status());
  }

  @Test
  @DisplayName("sign-in refuses a foreign Origin, so another site cannot sign a browser into its account")
  void signInOrigin() {
    String credentials = new JsonObject().put("username", "admin").put("password", hub.adminPassword()).encode();
    ApiClient browser = new ApiClient(hub.baseUrl(), hub.ingestToken());
    assertEquals(403, browser.raw("POST", "/api/v1/session", credentials,
        Map.of("Content-Type", "application/json", "Origin", FOREIGN)).status());
    assertEquals(200, browser.raw("POST", "/api/v1/session", credentials,
        Map.of("Content-Type", "application/json", "Origin", browser.origin())).status());
  }

  @Test
  @DisplayName("the live socket opens only from the hub's own origin (or a client that names none)")
  void liveSocketOrigin() {
    ApiClient me = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    int port = hub.hub().port();
    assertEquals(403, LiveListener.upgradeStatus(port, me.sessionCookie(), FOREIGN));
    assertEquals(403, LiveListener.upgradeStatus(port, me.sessionCookie(), "null"));
    assertEquals(101, LiveListener.upgradeStatus(port, me.sessionCookie(), me.origin()));
    assertEquals(101, LiveListener.upgradeStatus(port, me.sessionCookie(), null));
    assertEquals(401, LiveListener.upgradeStatus(port, null, me.origin()));
  }

  /** The ways a forged request can fall short: wrong origin, no origin, no or wrong token. */
  private static Map<String, Map<String, String>> forgeries() {
    String token = admin.csrfToken();
    Map<String, Map<String, String>> ways = new LinkedHashMap<>();
    ways.put("with a foreign Origin", headers("Origin", FOREIGN, "X-CSRF-Token", token));
    ways.put("with a foreign Referer and no Origin", headers("Referer", FOREIGN + "/attack.html", "X-CSRF-Token", token));
    ways.put("naming no origin at all", headers("X-CSRF-Token", token));
    ways.put("without the CSRF token", headers("Origin", admin.origin()));
    ways.put("with another token", headers("Origin", admin.origin(), "X-CSRF-Token", "not-" + token));
    return ways;
  }

  private static Map<String, String> proper() {
    return headers("Origin", admin.origin(), "X-CSRF-Token", admin.csrfToken());
  }

  private static Map<String, String> headers(String... pairs) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    for (int i = 0; i < pairs.length; i += 2) {
      headers.put(pairs[i], pairs[i + 1]);
    }
    return headers;
  }

  private static String encode(JsonObject body) {
    return body == null ? null : body.encode();
  }

  /** What a forged request could change: people, credentials, replies, the audit log, cases as agents change them. */
  private static Map<String, Object> snapshot() {
    MongoStore mongo = hub.hub().mongo();
    Map<String, Object> state = new LinkedHashMap<>();
    for (String name : List.of(MongoStore.USERS, MongoStore.SESSIONS, MongoStore.REPLIES, MongoStore.AUDIT,
        MongoStore.WEBHOOKS, MongoStore.POLICIES, MongoStore.BRANDS, MongoStore.CONNECTOR_SWITCHES,
        MongoStore.SAVED_REPLIES,
        io.earshot.store.TeamStore.TEAMS,
        io.earshot.store.ViewStore.VIEWS, MongoStore.BROADCASTS, io.earshot.store.ModerationStore.MODERATIONS)) {
      List<Document> docs = new ArrayList<>();
      mongo.collection(name).find().forEach(docs::add);
      state.put(name, docs);
    }
    List<Document> cases = new ArrayList<>();
    mongo.collection(MongoStore.CASES).find()
        .forEach(d -> cases.add(new Document("status", d.get("status")).append("assignee", d.get("assignee"))));
    state.put(MongoStore.CASES, cases);
    return state;
  }
}
