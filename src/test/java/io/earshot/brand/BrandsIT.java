package io.earshot.brand;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.AuditLog;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Brands through a real hub: created from {@code brands.json} and by admins, named by mentions
 * of the ingest API, and scoping cases, threading and the inbox.
 */
@DisplayName("Brands scope cases, threading and the inbox")
class BrandsIT {
  static final String BRANDS_JSON = """
      {"brands": [
        {"id": "tallycloud", "name": "Tally Cloud", "handles": {"sandbox": ["@TallyCloud"]}, "timeZone": "Europe/Amsterdam"},
        {"id": "streambox", "name": "StreamBox", "handles": {"sandbox": ["@StreamBox"]}, "timeZone": "America/Los_Angeles"},
        {"id": "ledgerbank", "name": "Ledger Bank", "handles": {"sandbox": ["@LedgerBank"]}}
      ]}
      """;
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() throws IOException {
    Path connectors = TestHub.tempDir("earshot-brands");
    Files.writeString(connectors.resolve(BrandFile.NAME), BRANDS_JSON);
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
    admin = hub.api().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("a customer who posts to two brands through the ingest API gets two cases, each of its brand")
  void twoBrandsTwoCases() {
    ApiClient.Response r = hub.api().ingest(new JsonArray()
        .add(mention("two-1", "ana", "@TallyCloud my invoices vanished").put("brand", "tallycloud"))
        .add(mention("two-2", "ana", "@StreamBox buffering all evening").put("brand", "streambox"))
        .add(mention("two-3", "ana", "no brand named here")));
    assertEquals(202, r.status(), r.body());
    assertEquals(3, r.json().getInteger("accepted"));
    hub.api().ingest(new JsonArray()
        .add(mention("two-4", "ana", "@TallyCloud any update?").put("brand", "tallycloud"))
        .add(mention("two-5", "bea", "@TallyCloud same for me").put("brand", "tallycloud").put("inReplyTo", "two-2")));

    Map<String, JsonObject> byBrand = casesOf("sandbox:ana").stream()
        .collect(Collectors.toMap(c -> c.getString("brand"), c -> c));
    assertEquals(Set.of("tallycloud", "streambox", "default"), byBrand.keySet(), "one case per brand: " + byBrand);
    assertEquals(2, byBrand.get("tallycloud").getInteger("mentionCount"), "a second post to the brand joins its case");
    String streamboxCase = byBrand.get("streambox").getString("id");
    JsonObject reply = caseOfMention("sandbox:two-5");
    assertEquals(streamboxCase, reply.getString("id"), "a reply joins its parent's case whatever brand it names");
    assertEquals("streambox", reply.getString("brand"));
    JsonObject thread = admin.get("/api/v1/cases/" + streamboxCase).json();
    assertEquals("tallycloud", thread.getJsonArray("thread").stream().map(JsonObject.class::cast)
        .filter(m -> "sandbox:two-5".equals(m.getString("id"))).findFirst().orElseThrow().getString("brand"),
        "the mention keeps the brand it named");
  }

  @Test
  @DisplayName("a customer who posts to @TallyCloud, @StreamBox and @LedgerBank within three days gets three cases, one per brand")
  void threeBrandsInThreeDays() {
    Instant now = Instant.now();
    // One request each, the way posts days apart arrive: each finds the customer's stored current cases.
    String[][] posts = {{"tallycloud", "@TallyCloud my invoices vanished", "PT66H"},
        {"streambox", "@StreamBox buffering all evening", "PT40H"},
        {"ledgerbank", "@LedgerBank charged me twice", "PT12H"}, {"tallycloud", "@TallyCloud any update?", "PT1H"}};
    for (int i = 0; i < posts.length; i++) {
      JsonObject m = mention("three-" + i, "maya", posts[i][1]).put("brand", posts[i][0])
          .put("createdAt", now.minus(Duration.parse(posts[i][2])).toString());
      assertEquals(1, hub.api().ingest(new JsonArray().add(m)).json().getInteger("accepted"), posts[i][1]);
    }
    Map<String, JsonObject> byBrand = casesOf("sandbox:maya").stream()
        .collect(Collectors.toMap(c -> c.getString("brand"), c -> c));
    assertEquals(Set.of("tallycloud", "streambox", "ledgerbank"), byBrand.keySet(), "three cases: " + byBrand);
    assertEquals(2, byBrand.get("tallycloud").getInteger("mentionCount"), "the follow-up to Tally Cloud joins its case");
    assertEquals(1, byBrand.get("streambox").getInteger("mentionCount"));
    assertEquals(1, byBrand.get("ledgerbank").getInteger("mentionCount"));
    assertEquals(List.of("sandbox:three-0", "sandbox:three-3"), admin.get("/api/v1/cases/"
        + byBrand.get("tallycloud").getString("id")).json().getJsonArray("thread").stream()
        .map(t -> ((JsonObject) t).getString("id")).filter(id -> id.startsWith("sandbox:three-")).sorted().toList());
  }

  @Test
  @DisplayName("a mention naming an unknown brand is refused alone, naming brand; the others are stored")
  void unknownBrandRefusedPerItem() {
    ApiClient.Response r = hub.api().ingest(new JsonArray()
        .add(mention("unk-1", "cal", "@TallyCloud fine").put("brand", "tallycloud"))
        .add(mention("unk-2", "cal", "who are you").put("brand", "nosuchbrand"))
        .add(mention("unk-3", "cal", "shouting").put("brand", "TALLY")));
    assertEquals(202, r.status(), r.body());
    assertEquals(1, r.json().getInteger("accepted"));
    JsonArray rejected = r.json().getJsonArray("rejected");
    assertEquals(2, rejected.size(), rejected.encode());
    for (int i = 0; i < 2; i++) {
      assertEquals(i + 1, rejected.getJsonObject(i).getInteger("index"));
      assertEquals("brand", rejected.getJsonObject(i).getString("field"));
    }
    assertTrue(rejected.getJsonObject(0).getString("error").contains("nosuchbrand"), rejected.encode());
    boolean stored = admin.get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).anyMatch(m -> m.getString("id").startsWith("sandbox:unk-") && !m.getString("id")
            .equals("sandbox:unk-1"));
    assertFalse(stored, "the refused mentions are not stored");
  }

  @Test
  @DisplayName("the inbox filters by brand, and refuses a brand that does not exist naming brand")
  void inboxFiltersByBrand() {
    hub.api().ingest(new JsonArray()
        .add(mention("inbox-1", "dan", "@LedgerBank charged twice").put("brand", "ledgerbank"))
        .add(mention("inbox-2", "dan", "@StreamBox app crashed").put("brand", "streambox")));
    JsonArray ledger = admin.get("/api/v1/cases?brand=ledgerbank&limit=500").json().getJsonArray("items");
    assertTrue(ledger.stream().map(JsonObject.class::cast).anyMatch(c -> "sandbox:dan".equals(customerOf(c))));
    assertTrue(ledger.stream().map(JsonObject.class::cast).allMatch(c -> "ledgerbank".equals(c.getString("brand"))));
    JsonObject page = admin.get("/api/v1/cases?brand=ledgerbank&status=new").json();
    assertEquals(page.getJsonArray("items").size(), page.getInteger("total"));
    for (String bad : List.of("nosuchbrand", "Ledger%20Bank")) {
      ApiClient.Response r = admin.get("/api/v1/cases?brand=" + bad);
      assertEquals(400, r.status(), r.body());
      assertEquals("brand", r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"));
    }
  }

  @Test
  @DisplayName("everyone signed in reads the brands; only admins create and change them, and every change is audited")
  void adminRoutes() {
    admin.post("/api/v1/users", new JsonObject().put("username", "agnes").put("password", "agent-password-1")
        .put("roles", new JsonArray().add("agent")));
    ApiClient agent = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("agnes", "agent-password-1");
    JsonObject listed = agent.get("/api/v1/brands").json();
    Set<String> ids = listed.getJsonArray("items").stream().map(b -> ((JsonObject) b).getString("id")).collect(Collectors.toSet());
    assertTrue(ids.containsAll(Set.of("default", "tallycloud", "streambox", "ledgerbank")), ids.toString());
    assertEquals("Europe/Amsterdam", agent.get("/api/v1/brands/tallycloud").json().getString("timeZone"));
    JsonObject forkful = new JsonObject().put("id", "forkful").put("name", "Forkful Eats")
        .put("handles", new JsonObject().put("sandbox", new JsonArray().add("ForkfulEats"))).put("timeZone", "America/Chicago");
    assertEquals(403, agent.post("/api/v1/brands", forkful).status());
    assertEquals(403, agent.patch("/api/v1/brands/tallycloud", new JsonObject().put("name", "Mine")).status());

    ApiClient.Response created = admin.post("/api/v1/brands", forkful);
    assertEquals(201, created.status(), created.body());
    assertEquals(new JsonArray().add("@ForkfulEats"), created.json().getJsonObject("handles").getJsonArray("sandbox"));
    assertEquals(409, admin.post("/api/v1/brands", forkful).status(), "the id is taken");
    ApiClient.Response changed = admin.patch("/api/v1/brands/forkful", new JsonObject().put("name", "Forkful"));
    assertEquals(200, changed.status(), changed.body());
    assertEquals(2, changed.json().getInteger("version"));
    assertEquals(404, admin.patch("/api/v1/brands/nosuchbrand", new JsonObject().put("name", "X")).status());
    assertEquals(404, agent.get("/api/v1/brands/nosuchbrand").status());
    assertField("timeZone", admin.patch("/api/v1/brands/forkful", new JsonObject().put("timeZone", "Mars/Base")));
    assertField("id", admin.patch("/api/v1/brands/forkful", new JsonObject().put("id", "other")));
    assertField("id", admin.post("/api/v1/brands", forkful.copy().put("id", "Forkful Eats")));
    assertField("handles.myspace", admin.post("/api/v1/brands", forkful.copy().put("id", "f2")
        .put("handles", new JsonObject().put("myspace", new JsonArray().add("@f")))));

    AuditLog audit = new AuditLog(hub.hub().mongo());
    assertEquals(1L, audit.count("brand.created", "brand:forkful").await());
    assertEquals(1L, audit.count("brand.updated", "brand:forkful").await());
    assertEquals(1L, audit.count("brand.created", "brand:tallycloud").await(), "seeding is audited too");
    ApiClient.Response named = hub.api().ingest(new JsonArray()
        .add(mention("new-brand-1", "eve", "@ForkfulEats cold fries").put("brand", "forkful")));
    assertEquals(1, named.json().getInteger("accepted"), "a brand made a moment ago is known to ingest: " + named.body());
  }

  private static void assertField(String field, ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    assertEquals(field, r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), r.body());
  }

  private static List<JsonObject> casesOf(String customerId) {
    return admin.get("/api/v1/cases?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(c -> customerId.equals(customerOf(c))).toList();
  }

  private static String customerOf(JsonObject c) {
    return c.getJsonObject("customer").getString("id");
  }

  private static JsonObject caseOfMention(String mentionId) {
    JsonObject m = admin.get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(x -> mentionId.equals(x.getString("id"))).findFirst().orElseThrow();
    JsonObject c = admin.get("/api/v1/cases/" + m.getString("caseId")).json().getJsonObject("case");
    assertNotEquals(null, c);
    return c;
  }
}
