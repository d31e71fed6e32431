package io.earshot.find;

import static com.mongodb.client.model.Filters.eq;
import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import io.earshot.domain.CareCase;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The waiting cases that the priority refresher and the auto-assigner read, answered from the inbox
 * index and MongoDB by id, checked against the same question asked of {@code cases} directly
 * ({@link CaseStore#waiting}, the query a real MongoDB answers from its index).
 */
@DisplayName("Waiting cases from the inbox index")
class WaitingCasesIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int CASES = 8;
  private static TestHub hub;
  private static ApiClient api;
  private static CaseStore store;
  private static WaitingCases waiting;
  private static final Map<Integer, String> ids = new HashMap<>();

  @BeforeAll
  static void start() {
    hub = TestHub.start(Map.of());
    api = hub.api().login("admin", hub.adminPassword());
    store = new CaseStore(hub.hub().mongo());
    waiting = new WaitingCases(hub.hub().finder()::leastRecentlyChanged, store);
    // One request each, so every case is stored (and last changed) at its own moment.
    for (int i = 0; i < CASES; i++) {
      JsonArray one = new JsonArray().add(mention("wait-" + i, "waiter-" + i, "@brand waiting case number" + i));
      assertEquals(1, api.ingest(one).json().getInteger("accepted"));
    }
    assertTrue(eventually(WAIT, () -> api.get("/api/v1/cases?limit=100").json().getLong("total") == CASES));
    for (Object o : api.get("/api/v1/cases?limit=100").json().getJsonArray("items")) {
      JsonObject c = (JsonObject) o;
      ids.put(Integer.parseInt(c.getString("subject").replaceAll(".*number", "")), c.getString("id"));
    }
    assertEquals(200, api.patch("/api/v1/cases/" + ids.get(0), new JsonObject().put("status", "resolved")).status());
    assertEquals(200, api.patch("/api/v1/cases/" + ids.get(1), new JsonObject().put("status", "pending")).status());
    assertEquals(200, api.patch("/api/v1/cases/" + ids.get(2), new JsonObject().put("assignee", "admin")).status());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static List<String> idsOf(List<CareCase> cases) {
    return cases.stream().map(CareCase::id).toList();
  }

  @Test
  @DisplayName("answers the new and open cases, least recently changed first, the same cases as the query of cases itself")
  void sameAsTheCollection() {
    Set<String> expected = Set.of(ids.get(2), ids.get(3), ids.get(4), ids.get(5), ids.get(6), ids.get(7));
    assertTrue(eventually(WAIT, () -> Set.copyOf(idsOf(waiting.oldestChangedFirst(100).await())).equals(expected)),
        "waiting: " + idsOf(waiting.oldestChangedFirst(100).await()) + ", expected " + expected);
    List<CareCase> answer = waiting.oldestChangedFirst(100).await();
    assertEquals(Set.copyOf(idsOf(store.waiting(100).await())), Set.copyOf(idsOf(answer)));
    List<Instant> changed = answer.stream().map(CareCase::updatedAt).toList();
    List<Instant> sorted = new ArrayList<>(changed);
    sorted.sort(null);
    assertEquals(sorted, changed, "least recently changed first");
    assertEquals(ids.get(2), answer.get(answer.size() - 1).id(), "the case just assigned changed last");
  }

  @Test
  @DisplayName("a limit keeps the least recently changed cases")
  void limitKeepsTheOldest() {
    assertTrue(eventually(WAIT, () -> waiting.oldestChangedFirst(100).await().size() >= 5));
    List<Instant> all = store.waiting(100).await().stream().map(CareCase::updatedAt).sorted().toList();
    List<Instant> firstThree = waiting.oldestChangedFirst(3).await().stream().map(CareCase::updatedAt).toList();
    assertEquals(all.subList(0, 3), firstThree);
  }

  @Test
  @DisplayName("a case MongoDB no longer holds as waiting is left out even while the index still does")
  void storeHasTheLastWord() {
    String id = ids.get(7);
    assertTrue(eventually(WAIT, () -> idsOf(waiting.oldestChangedFirst(100).await()).contains(id)));
    // Written past the event spine, so the index is not told and still lists the case as new.
    hub.hub().mongo().write(() -> hub.hub().mongo().collection(MongoStore.CASES)
        .updateOne(eq("_id", id), Updates.set("status", "resolved"))).await();
    try {
      assertFalse(idsOf(waiting.oldestChangedFirst(100).await()).contains(id));
      assertEquals(Set.of(), Set.copyOf(idsOf(waiting.oldestChangedFirst(100).await())).stream()
          .filter(c -> !Set.copyOf(idsOf(store.waiting(100).await())).contains(c)).collect(Collectors.toSet()));
    } finally {
      hub.hub().mongo().write(() -> hub.hub().mongo().collection(MongoStore.CASES)
          .updateOne(eq("_id", id), Updates.set("status", "new"))).await();
    }
  }
}
