package io.earshot.assign;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Auto-assignment on two hub instances sharing one MongoDB and one Redis: fair by capacity, never
 * a case given twice, none lost. Agents of the default brand list {@code brand:default}, those of
 * the racing brand {@code brand:racing}, and both brands match on brand, so the two tests'
 * cases never meet.
 */
@DisplayName("Auto-assignment across two instances")
class AutoAssignmentIT {
  private static final int[] CAPACITIES = {30, 60, 90, 120, 150, 180, 210, 240, 270, 300};
  private static final int CASES = 1000;
  private static EmbeddedMongo mongo;
  private static EmbeddedRedis redis;
  private static TestHub a;
  private static TestHub b;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.start(TestHub.tempDir("routing-mongo"), false);
    redis = EmbeddedRedis.start(TestHub.tempDir("routing-redis"));
    Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
        "EARSHOT_ROUTING_INTERVAL_MS", "200");
    a = TestHub.start(shared);
    b = TestHub.start(shared);
    admin = a.api().login("admin", a.adminPassword());
    assertEquals(201, admin.post("/api/v1/brands", new JsonObject().put("id", "racing").put("name", "Racing")
        .put("handles", new JsonObject())).status());
    for (int i = 0; i < CAPACITIES.length; i++) {
      agent("agent" + i, CAPACITIES[i], "brand:default");
    }
    for (int i = 0; i < 3; i++) {
      agent("racer" + i, 100, "brand:racing");
    }
    JsonObject byBrand = new JsonObject().put("mode", "least_load").put("match", new JsonArray().add("brand"));
    JsonObject policy = new JsonObject().put("brands", new JsonObject().put("default", byBrand).put("racing", byBrand));
    ApiClient.Response put = admin.put("/api/v1/policies/routing", policy);
    assertEquals(200, put.status(), put.body());
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
    redis.close();
    mongo.close();
  }

  private static void agent(String name, int capacity, String skill) {
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password-1").put("roles", new JsonArray().add("agent"))).status());
    assertEquals(200, admin.patch("/api/v1/users/" + name, new JsonObject().put("capacity", capacity)
        .put("skills", new JsonArray().add(skill)).put("availability", "available")).status());
  }

  @Test
  @DisplayName("1,000 new cases ingested through both instances go to 10 agents, each within one case of its capacity share, none twice, none lost")
  void fairAcrossInstances() {
    long started = System.nanoTime();
    for (int batch = 0; batch < 10; batch++) {
      JsonArray mentions = new JsonArray();
      for (int i = 0; i < CASES / 10; i++) {
        int n = batch * 100 + i;
        mentions.add(mention("fair-" + n, "fair-author-" + n, "@Brand my order " + n + " never arrived"));
      }
      TestHub via = batch % 2 == 0 ? a : b;
      assertEquals(100, via.api().ingest(mentions).json().getInteger("accepted"));
    }
    long ingested = System.nanoTime();
    assertTrue(eventually(Duration.ofSeconds(90), () -> assigned("default") == CASES),
        "every case was assigned: " + assigned("default") + " of " + CASES);
    System.out.printf("auto-assignment: %d cases ingested in %d ms, all assigned %d ms later%n", CASES,
        (ingested - started) / 1_000_000, (System.nanoTime() - ingested) / 1_000_000);
    Map<String, Integer> shares = shares("default");
    double total = java.util.Arrays.stream(CAPACITIES).sum();
    for (int i = 0; i < CAPACITIES.length; i++) {
      double share = CASES * CAPACITIES[i] / total;
      int got = shares.getOrDefault("agent" + i, 0);
      assertTrue(Math.abs(got - share) < 1, "agent" + i + " (capacity " + CAPACITIES[i] + ") got " + got
          + ", its share is " + share + ": " + shares);
    }
    assertOnceEach("default", CASES);
  }

  @Test
  @DisplayName("rounds racing on both instances at once, past the lease, still give each case exactly once")
  void racingRoundsNeverDoubleAssign() {
    JsonArray mentions = new JsonArray();
    for (int n = 0; n < 200; n++) {
      mentions.add(mention("race-" + n, "race-author-" + n, "@Racing lap " + n + " timing is wrong").put("brand", "racing"));
    }
    assertEquals(200, a.api().ingest(mentions).json().getInteger("accepted"));
    assertTrue(eventually(Duration.ofSeconds(60), () -> {
      // Both instances plan over the same cases at the same moment; their timers race along too.
      Future.all(round(a), round(b)).toCompletionStage().toCompletableFuture().join();
      return assigned("racing") == 200;
    }), "every racing case was assigned: " + assigned("racing"));
    assertOnceEach("racing", 200);
  }

  private static Future<Integer> round(TestHub hub) {
    Promise<Integer> done = Promise.promise();
    hub.vertx().runOnContext(v -> hub.hub().assign().assigner().round(Instant.now()).onComplete(done));
    return done.future();
  }

  private static long assigned(String brand) {
    return cases().countDocuments(new Document("brand", brand).append("assignee", new Document("$ne", null)));
  }

  private static Map<String, Integer> shares(String brand) {
    Map<String, Integer> shares = new HashMap<>();
    cases().find(new Document("brand", brand)).forEach(d -> shares.merge(d.getString("assignee"), 1, Integer::sum));
    return shares;
  }

  /** Each case of the brand has one system:routing assignment in the audit log, to the assignee it has. */
  private static void assertOnceEach(String brand, int expected) {
    Map<String, String> assignee = new HashMap<>();
    cases().find(new Document("brand", brand)).forEach(d -> assignee.put(d.getString("_id"), d.getString("assignee")));
    assertEquals(expected, assignee.size(), "none lost");
    assertTrue(eventually(Duration.ofSeconds(20), () -> routedEntries(assignee).size() == expected),
        "one audit entry per case: " + routedEntries(assignee).size());
    Map<String, Integer> perCase = new HashMap<>();
    for (Document e : routedEntries(assignee)) {
      String caseId = e.getString("target").substring("case:".length());
      perCase.merge(caseId, 1, Integer::sum);
      assertEquals(assignee.get(caseId), e.get("data", Document.class).getString("to"), "audited as stored");
    }
    assertTrue(perCase.values().stream().allMatch(n -> n == 1), "no case was assigned twice");
    assertEquals(expected, perCase.size());
  }

  private static List<Document> routedEntries(Map<String, String> cases) {
    return a.hub().mongo().collection("audit").find(new Document("action", "case.assigned")
            .append("actor", "system:routing")).into(new java.util.ArrayList<>()).stream()
        .filter(e -> cases.containsKey(e.getString("target").substring("case:".length()))).toList();
  }

  private static com.mongodb.client.MongoCollection<Document> cases() {
    return a.hub().mongo().collection("cases");
  }
}
