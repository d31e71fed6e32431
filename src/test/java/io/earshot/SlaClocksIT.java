package io.earshot;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SLA clocks")
class SlaClocksIT {
  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  /** The default brand with one band (first response {@code first} minutes, resolution 8 h) and {@code hours}. */
  static JsonObject policy(Integer first, JsonObject hours) {
    JsonObject band = new JsonObject().put("name", "all").put("minPriority", 0).put("firstResponseMinutes", first)
        .put("nextResponseMinutes", 30).put("resolutionMinutes", 480);
    JsonObject brand = new JsonObject().put("brand", "default").put("timeZone", "UTC").put("hours", hours)
        .put("bands", new JsonArray().add(band));
    return new JsonObject().put("brands", new JsonArray().add(brand));
  }

  private static void setPolicy(JsonObject policy) {
    ApiClient.Response put = team.admin().put("/api/v1/policies/sla", policy);
    assertEquals(200, put.status(), put.body());
  }

  /** Ingests one mention of a new customer; answers its case once its clock satisfies {@code until}. */
  private static JsonObject openCase(String author, Predicate<JsonObject> until) {
    String externalId = UUID.randomUUID().toString();
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention(externalId, author, "where is my order?")))
        .status());
    return awaitCase(c -> author.equals(c.getJsonObject("customer").getString("handle").replace("handle_", "")), until);
  }

  private static JsonObject awaitCase(Predicate<JsonObject> which, Predicate<JsonObject> until) {
    JsonObject[] found = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      for (Object o : team.agent().get("/api/v1/cases?limit=100").json().getJsonArray("items")) {
        JsonObject c = (JsonObject) o;
        if (which.test(c) && c.getJsonObject("sla") != null && until.test(c.getJsonObject("sla"))) {
          found[0] = c;
          return true;
        }
      }
      return false;
    }), "the case's clock reached the expected state");
    return found[0];
  }

  private static JsonObject byId(String id, Predicate<JsonObject> until) {
    return awaitCase(c -> id.equals(c.getString("id")), until);
  }

  @Test
  @DisplayName("a case opened inside business hours is due its target after it opened")
  void insideHours() {
    setPolicy(policy(30, null));
    JsonObject c = openCase("inside", s -> true);
    JsonObject sla = c.getJsonObject("sla");
    Instant created = Instant.parse(c.getString("createdAt"));
    assertEquals("ok", sla.getString("state"));
    assertEquals(created.plus(Duration.ofMinutes(30)), Instant.parse(sla.getJsonObject("firstResponse").getString("dueAt")));
    assertEquals(sla.getJsonObject("firstResponse").getString("dueAt"), sla.getString("dueAt"));
    assertEquals(created.plus(Duration.ofHours(8)), Instant.parse(sla.getJsonObject("resolution").getString("dueAt")));
  }

  @Test
  @DisplayName("a case opened outside business hours is due its target after the next opening")
  void outsideHours() {
    LocalDate opening = LocalDate.now(ZoneOffset.UTC).plusDays(2);
    JsonObject hours = new JsonObject().put(DAYS[opening.getDayOfWeek().getValue() - 1],
        new JsonArray().add("10:00-12:00"));
    setPolicy(policy(30, hours));
    JsonObject c = openCase("outside", s -> true);
    assertEquals(opening.atTime(10, 30).toInstant(ZoneOffset.UTC),
        Instant.parse(c.getJsonObject("sla").getString("dueAt")));
  }

  @Test
  @DisplayName("pending pauses the clocks with the business time left; the customer writing resumes them")
  void pendingPauses() {
    setPolicy(policy(30, null));
    JsonObject c = openCase("waiting", s -> true);
    String id = c.getString("id");
    assertEquals(200, team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("status", "pending")).status());
    JsonObject paused = byId(id, s -> "paused".equals(s.getString("state"))).getJsonObject("sla");
    assertNull(paused.getValue("dueAt"));
    long left = paused.getJsonObject("firstResponse").getLong("leftSeconds");
    assertTrue(left > 25 * 60 && left <= 30 * 60, "left " + left);
    String firstMention = team.agent().get("/api/v1/cases/" + id).json().getJsonArray("thread").getJsonObject(0)
        .getString("externalId");
    Instant wrote = Instant.now();
    assertEquals(202, hub.api().ingest(new JsonArray().add(ApiClient.mention(UUID.randomUUID().toString(), "waiting",
        "still nothing").put("inReplyTo", firstMention))).status());
    JsonObject resumed = byId(id, s -> "ok".equals(s.getString("state"))).getJsonObject("sla");
    Instant due = Instant.parse(resumed.getString("dueAt"));
    assertTrue(!due.isBefore(wrote.plusSeconds(left - 1)) && due.isBefore(Instant.now().plusSeconds(left + 1)),
        "due again with the time it had left: " + due);
  }

  @Test
  @DisplayName("the brand's first reply in time meets the first response, and the case then waits paused")
  void firstReplyMeets() {
    setPolicy(policy(30, null));
    sandbox.postMention("replied_one", "@ForkfulEats my parcel never came");
    JsonObject c = awaitCase(x -> "replied_one".equals(x.getJsonObject("customer").getString("handle")), s -> true);
    String id = c.getString("id");
    ApiClient.Response reply = team.agent().post("/api/v1/cases/" + id + "/replies",
        new JsonObject().put("text", "So sorry, we are on it"));
    assertEquals(202, reply.status(), reply.body());
    JsonObject sla = byId(id, s -> s.getJsonObject("firstResponse").getValue("metAt") != null
        && "paused".equals(s.getString("state"))).getJsonObject("sla");
    assertFalse(sla.getJsonObject("firstResponse").getBoolean("breached"));
    assertNotNull(sla.getJsonObject("resolution").getValue("leftSeconds"));
  }
}
