package io.earshot.web.hostile;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.MongoStore;
import ch.qos.logback.classic.Level;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LogCapture;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at volume: 10,000 generated requests over every route the router has (read from
 * it, so routes added later are covered), health, ingest, the live socket, static files and
 * paths nothing serves, from several concurrent clients against a real hub, signed in as an
 * admin and not. The generator is seeded: {@code -Dearshot.hostile.seed=N} (or {@code random})
 * and {@code -Dearshot.hostile.requests=N} choose the run, and every failure prints the seed and
 * the request. The storm runs once; the tests below judge what it left.
 */
@DisplayName("Hostile input at volume")
class HostileInputIT {
  private static final int CLIENTS = 8;
  private static TestHub hub;
  private static ApiClient admin;
  private static Vertx receiver;
  private static Storm storm;
  private static List<String> routes;
  private static List<String> warnings;

  @BeforeAll
  static void storm() throws Exception {
    hub = TestHub.start();
    HubFacts facts = facts();
    routes = facts.routes();
    long seed = seed();
    int requests = Integer.getInteger("earshot.hostile.requests", 10_000);
    try (LogCapture logs = new LogCapture()) {
      storm = new Storm(new RequestGenerator(seed, facts), hub.hub().port(), requests).run(CLIENTS, only());
      // Vert.x warns when a live event meets a socket's consumer just unregistered (the client
      // went away mid-delivery): a race in its event bus, not a fault of the request. And the
      // inbox index may fall a few marks behind the storm's ingest on a busy machine (the read
      // then answers from the index as it is, and says so): volume, not hostility.
      warnings = logs.atLeast(Level.WARN).stream().filter(line -> !line.contains("consumer is not registered")
          && !line.contains("inbox index behind by")).toList();
    }
    System.out.println("hostile-input figures " + storm.figures().encode());
    Files.write(Path.of("target", "hostile-input-problems.txt"), storm.problems());
  }

  @AfterAll
  static void stop() {
    hub.close();
    receiver.close().await();
  }

  @Test
  @DisplayName("every request is answered within 5 s, never with a 5xx (503 only with Retry-After), every refusal in the error shape naming the field")
  void everyAnswerIsAClearRefusalOrASuccess() {
    List<String> problems = storm.problems();
    assertTrue(problems.isEmpty(), problems.size() + " of " + storm.figures().getInteger("requests")
        + " requests answered wrongly; the first:\n" + String.join("\n\n", problems.subList(0, Math.min(15, problems.size()))));
    assertEquals(0, storm.figures().getInteger("answered5xx"));
  }

  @Test
  @DisplayName("the hub logged no warning and no error during the storm: hostile input is the client's fault, not the server's")
  void nothingLoggedAsAFault() {
    assertTrue(warnings.isEmpty(), warnings.size() + " lines, the first: " + warnings.subList(0, Math.min(10, warnings.size())));
  }

  @Test
  @DisplayName("the storm reached every route of the router, health, ingest, the live socket and static files")
  void everyRouteWasAttacked() {
    Map<String, Integer> counts = storm.routeCounts();
    for (String route : routes) {
      assertTrue(counts.getOrDefault(route, 0) > 0, route + " received no request: " + counts);
    }
    assertTrue(counts.getOrDefault("elsewhere", 0) > 0, "static and unknown paths: " + counts);
  }

  @Test
  @DisplayName("the good items of every mixed ingest batch are stored, exactly as sent")
  void goodItemsLand() {
    List<HostileRequest.GoodItem> accepted = storm.accepted();
    assertTrue(accepted.size() > 100, "mixed batches were sent and answered: " + accepted.size());
    var mentions = hub.hub().mongo().collection(MongoStore.MENTIONS);
    List<String> missing = new ArrayList<>();
    for (HostileRequest.GoodItem item : accepted) {
      Document stored = mentions.find(new Document("_id", "sandbox:" + item.externalId())).first();
      if (stored == null || !item.text().equals(stored.getString("text"))) {
        missing.add(item.externalId() + (stored == null ? " not stored" : " stored as '" + stored.getString("text") + "'"));
      }
    }
    assertTrue(missing.isEmpty(), missing.size() + " of " + accepted.size() + " good items: " + missing.subList(0,
        Math.min(10, missing.size())));
  }

  @Test
  @DisplayName("after the storm the hub is healthy, the admin's session and token still work and the dashboard loads")
  void healthyAfterwards() {
    ApiClient anyone = new ApiClient(hub.baseUrl(), hub.ingestToken());
    ApiClient.Response health = anyone.get("/api/v1/health");
    assertEquals(200, health.status(), health.body());
    assertEquals("up", health.json().getString("status"), health.body());
    ApiClient.Response page = anyone.get("/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<script"), "the dashboard page: " + page.body());
    assertEquals(200, anyone.get("/app.js").status());
    assertEquals(200, admin.get("/api/v1/session").status(), "the admin's session survived");
    assertEquals(200, admin.get("/api/v1/cases?limit=5").status());
  }

  /** Everything the generator may use: routes, real path parameters, credentials good and bad. */
  private static HubFacts facts() throws IOException {
    admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    ApiClient other = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    ApiClient ended = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    String endedCookie = ended.sessionCookie();
    assertEquals(204, ended.delete("/api/v1/session").status());
    String apiToken = admin.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", "fuzz-target")
        .put("password", "fuzz-target-password").put("roles", new JsonArray().add("agent"))).status());
    String caseId = firstCase();
    String webhookId = webhook();
    admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "fuzz-target"));
    String deliveries = "/api/v1/webhooks/" + webhookId + "/deliveries";
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get(deliveries).json().getJsonArray("items").isEmpty()));
    String deliveryId = admin.get(deliveries).json().getJsonArray("items").getJsonObject(0).getString("id");
    var credentials = new HubFacts.Credentials(admin.sessionCookie(), admin.csrfToken(), other.sessionCookie(),
        other.csrfToken(), endedCookie, apiToken, hub.ingestToken());
    return new HubFacts(hub.hub().port(), hub.hub().http().routes(), Map.of("cases/:id", caseId,
        "users/:username", "fuzz-target", "webhooks/:id", webhookId, "deliveries/:deliveryId", deliveryId),
        credentials, staticFiles());
  }

  private static String firstCase() {
    assertEquals(202, admin.ingest(new JsonArray().add(ApiClient.mention("hostile-seed-case", "hostile-author-0",
        "@brand my order never came"))).status());
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get("/api/v1/cases").json().getJsonArray("items").isEmpty()));
    return admin.get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0).getString("id");
  }

  /** An endpoint on a receiver that accepts everything, subscribed to case assignments. */
  private static String webhook() {
    receiver = Vertx.vertx();
    int port = receiver.createHttpServer().requestHandler(r -> r.response().setStatusCode(204).end())
        .listen(0).await().actualPort();
    return admin.post("/api/v1/webhooks", new JsonObject().put("url", "http://127.0.0.1:" + port + "/hook")
        .put("secret", "hostile-webhook-secret").put("events", new JsonArray().add("case.assigned")))
        .json().getString("id");
  }

  private static List<String> staticFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("webroot"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** {@code -Dearshot.hostile.only=17,1133}: only these requests of the run, to see a failure again. */
  private static List<Integer> only() {
    String value = System.getProperty("earshot.hostile.only", "");
    return value.isBlank() ? List.of() : Stream.of(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  private static long seed() {
    String value = System.getProperty("earshot.hostile.seed", "20261201");
    return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
  }
}
