package io.earshot.brand;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A hub started on data written before brands existed: documents in the old shape (no
 * {@code brand}, customers with one {@code currentCaseId}), written with the driver straight into
 * an embedded data directory, as the previous version left them.
 */
@DisplayName("Data from before brands migrates at start-up")
class BrandMigrationIT {
  private static final Date HOUR_AGO = Date.from(Instant.now().minus(1, ChronoUnit.HOURS));

  @Test
  @DisplayName("cases and mentions get their account's brand (by handle for a shared account, else the default), customers a current case per brand; again changes nothing")
  void migrates() throws Exception {
    Path dataDir = TestHub.tempDir("earshot-old-data");
    writeOldShape(dataDir);
    Map<String, String> env = Map.of("EARSHOT_DATA_DIR", dataDir.toString(), "EARSHOT_CONNECTORS_DIR", accounts().toString());
    Map<String, Object> afterFirst;
    try (TestHub hub = TestHub.start(env)) {
      MongoStore mongo = hub.hub().mongo();
      assertEquals(Map.of("case-bank", "ledgerbank", "case-agency", "tallycloud", "case-api", "default"),
          brands(mongo, MongoStore.CASES));
      assertEquals(Map.of("x:1", "ledgerbank", "x:2", "ledgerbank", "sandbox:10", "tallycloud",
          "sandbox:11", "streambox", "sandbox:20", "default", "sandbox:30", "default"), brands(mongo, MongoStore.MENTIONS),
          "a mention through a shared account gets the brand its own text addresses; one no case lists its account's");
      assertEquals(new Document("ledgerbank", "case-bank"), customer(mongo, "x:u1").get("currentCases"));
      assertEquals(new Document("tallycloud", "case-agency"), customer(mongo, "sandbox:u2").get("currentCases"));
      assertEquals(new Document("default", "case-api"), customer(mongo, "sandbox:u3").get("currentCases"));
      assertFalse(customer(mongo, "x:u1").containsKey("currentCaseId"));
      afterFirst = snapshot(mongo);
    }
    try (TestHub again = TestHub.start(env)) {
      assertEquals(afterFirst, snapshot(again.hub().mongo()), "a second start changes nothing");
      threadsPerBrandOnMigratedData(again);
    }
  }

  /** The migrated customer's recent case is found by brand: the same brand joins it, another opens its own. */
  private static void threadsPerBrandOnMigratedData(TestHub hub) {
    ApiClient api = hub.api().login("admin", hub.adminPassword());
    JsonArray ledger = api.get("/api/v1/cases?brand=ledgerbank").json().getJsonArray("items");
    assertEquals("case-bank", ledger.getJsonObject(0).getString("id"));
    hub.api().ingest(new JsonArray()
        .add(mention("40", "u2", "@TallyCloud still nothing").put("brand", "tallycloud"))
        .add(mention("41", "u2", "@StreamBox and you?").put("brand", "streambox")));
    JsonObject agency = api.get("/api/v1/cases/case-agency").json().getJsonObject("case");
    assertEquals(3, agency.getInteger("mentionCount"), "the follow-up to Tally Cloud joined its migrated case");
    String streamboxCase = api.get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(m -> "sandbox:41".equals(m.getString("id"))).findFirst().orElseThrow()
        .getString("caseId");
    assertNotEquals("case-agency", streamboxCase, "a post to another brand opens a case of its own");
  }

  private static Path accounts() throws Exception {
    Path dir = TestHub.tempDir("earshot-old-accounts");
    Files.writeString(dir.resolve(BrandFile.NAME), BrandsIT.BRANDS_JSON);
    Files.writeString(dir.resolve("bank-x.json"), new JsonObject().put("name", "bank-x").put("platform", "x")
        .put("enabled", false).put("brand", "ledgerbank").encode());
    Files.writeString(dir.resolve("agency.json"), new JsonObject().put("name", "agency").put("platform", "sandbox")
        .put("enabled", false).put("brand", "by-handle").encode());
    return dir;
  }

  private static void writeOldShape(Path dataDir) throws Exception {
    try (EmbeddedMongo embedded = EmbeddedMongo.start(dataDir, true);
         MongoClient client = MongoClients.create(embedded.connectionString())) {
      MongoDatabase db = client.getDatabase("earshot");
      embedded.durability().write(() -> {
        db.getCollection(MongoStore.CASES).insertMany(List.of(
            oldCase("case-bank", "x", "bank-x", "x:u1", "@LedgerBank my card was declined", List.of("x:1")),
            oldCase("case-agency", "sandbox", "agency", "sandbox:u2", "@TallyCloud invoices gone",
                List.of("sandbox:10", "sandbox:11")),
            oldCase("case-api", "sandbox", null, "sandbox:u3", "hello", List.of("sandbox:20"))));
        db.getCollection(MongoStore.MENTIONS).insertMany(List.of(
            oldMention("x", "1", "bank-x", "u1", "@LedgerBank my card was declined", "case-bank"),
            oldMention("x", "2", "bank-x", "u1", "@LedgerBank hello?", "case-lost"),
            oldMention("sandbox", "10", "agency", "u2", "@TallyCloud invoices gone", "case-agency"),
            oldMention("sandbox", "11", "agency", "u2", "@StreamBox also broken", "case-agency"),
            oldMention("sandbox", "20", null, "u3", "hello", "case-api"),
            oldMention("sandbox", "30", "agency", "u4", "@StreamBox lost one", "case-lost")));
        db.getCollection(MongoStore.CUSTOMERS).insertMany(List.of(oldCustomer("x", "u1", "case-bank"),
            oldCustomer("sandbox", "u2", "case-agency"), oldCustomer("sandbox", "u3", "case-api")));
        return null;
      });
    }
  }

  private static Document oldCase(String id, String platform, String account, String customerId, String subject,
                                  List<String> mentionIds) {
    return new Document("_id", id).append("platform", platform).append("account", account)
        .append("customerId", customerId).append("customerHandle", customerId.split(":")[1]).append("subject", subject)
        .append("tags", List.of()).append("createdAt", HOUR_AGO).append("lastText", subject)
        .append("priority", new Document("value", 30).append("signals", List.of())).append("updatedAt", HOUR_AGO)
        .append("lastMentionAt", HOUR_AGO).append("mentionCount", mentionIds.size()).append("mentionIds", mentionIds)
        .append("status", "open").append("version", 3L);
  }

  private static Document oldMention(String platform, String externalId, String account, String author, String text,
                                     String caseId) {
    return new Document("_id", platform + ":" + externalId).append("platform", platform).append("account", account)
        .append("externalId", externalId).append("author", new Document("id", author).append("handle", author)
            .append("name", author).append("followers", 10L).append("verified", false))
        .append("text", text).append("createdAt", HOUR_AGO).append("meta", new Document())
        .append("receivedAt", HOUR_AGO).append("caseId", caseId).append("customerId", platform + ":" + author);
  }

  private static Document oldCustomer(String platform, String author, String caseId) {
    return new Document("_id", platform + ":" + author).append("platform", platform).append("authorId", author)
        .append("handle", author).append("name", author).append("followers", 10L).append("verified", false)
        .append("tags", List.of()).append("firstSeen", HOUR_AGO).append("lastSeen", HOUR_AGO)
        .append("currentCaseId", caseId);
  }

  private static Map<String, String> brands(MongoStore mongo, String collection) {
    Map<String, String> brands = new LinkedHashMap<>();
    mongo.collection(collection).find().forEach(d -> brands.put(d.getString("_id"), d.getString("brand")));
    return brands;
  }

  private static Document customer(MongoStore mongo, String id) {
    return mongo.collection(MongoStore.CUSTOMERS).find(new Document("_id", id)).first();
  }

  /** What the migration writes: brands of cases and mentions, customers' current cases, the brands. */
  private static Map<String, Object> snapshot(MongoStore mongo) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(MongoStore.CASES, brands(mongo, MongoStore.CASES));
    state.put(MongoStore.MENTIONS, brands(mongo, MongoStore.MENTIONS));
    Map<String, Object> customers = new LinkedHashMap<>();
    mongo.collection(MongoStore.CUSTOMERS).find().forEach(d -> customers.put(d.getString("_id"),
        List.of(String.valueOf(d.get("currentCases")), String.valueOf(d.get("currentCaseId")))));
    state.put(MongoStore.CUSTOMERS, customers);
    List<Document> brands = new ArrayList<>();
    mongo.collection(MongoStore.BRANDS).find().sort(new Document("_id", 1)).forEach(brands::add);
    assertEquals(4, brands.size(), "the default brand and those of brands.json");
    state.put(MongoStore.BRANDS, brands);
    return state;
  }
}
