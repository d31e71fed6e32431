package io.earshot.find;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cursor pages of GET /api/v1/cases, and the index rebuilt from MongoDB")
class FindPagingIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int CASES = 60;
  private static final List<String> QUERIES = List.of("limit=500", "sort=newest&limit=500", "q=parcel&limit=500",
      "status=open&limit=500", "assignee=admin&limit=500", "sort=oldest&limit=7", "platform=mastodon&limit=500");
  private static Path dataDir;
  private static TestHub hub;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    dataDir = TestHub.tempDir("find-paging");
    hub = TestHub.start(Map.of("EARSHOT_DATA_DIR", dataDir.toString()));
    api = hub.api().login("admin", hub.adminPassword());
    JsonArray mentions = new JsonArray();
    Instant base = Instant.parse("2026-04-01T08:00:00Z");
    for (int i = 0; i < CASES; i++) {
      String word = i % 4 == 0 ? "parcel" : "invoice";
      JsonObject m = mention("page-" + i, "pager-" + i, "@brand question " + i + " about my " + word)
          .put("createdAt", base.plus(Duration.ofMinutes(i % 20)).toString());
      mentions.add(i % 5 == 0 ? m.put("platform", "mastodon") : m);
    }
    assertEquals(CASES, api.ingest(mentions).json().getInteger("accepted"));
    assertTrue(eventually(WAIT, () -> api.get("/api/v1/cases").json().getLong("total") == CASES));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static List<String> page(String query) {
    return api.get("/api/v1/cases?" + query).json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("paging with the cursor meets every case exactly once while cases change and new ones arrive")
  void everyCaseOnce() {
    Set<String> before = Set.copyOf(page("limit=500"));
    for (String sort : List.of("newest", "oldest", "priority", "waiting", "sla")) {
      Map<String, Integer> seen = new HashMap<>();
      String cursor = null;
      int round = 0;
      do {
        JsonObject body = api.get("/api/v1/cases?limit=7&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor))
            .json();
        body.getJsonArray("items").forEach(o -> seen.merge(((JsonObject) o).getString("id"), 1, Integer::sum));
        cursor = body.getString("nextCursor");
        changeSomething(sort, round++, body);
      } while (cursor != null);
      assertTrue(seen.values().stream().allMatch(n -> n == 1), sort + ": a case came twice: " + seen);
      assertTrue(seen.keySet().containsAll(before), sort + ": a case was skipped");
    }
  }

  /** Between pages: assign a case already read, and a new customer writes (a new case). */
  private static void changeSomething(String sort, int round, JsonObject body) {
    JsonArray items = body.getJsonArray("items");
    if (!items.isEmpty()) {
      String id = items.getJsonObject(0).getString("id");
      assertEquals(200, api.patch("/api/v1/cases/" + id, new JsonObject().put("assignee", "admin")).status());
    }
    api.ingest(new JsonArray().add(mention("late-" + sort + "-" + round, "late-" + sort + "-" + round,
        "@brand one more about my parcel")));
  }

  @Test
  @DisplayName("the last page has no nextCursor, and a page's total counts every match")
  void lastPage() {
    JsonObject body = api.get("/api/v1/cases?limit=500&q=invoice").json();
    assertNull(body.getString("nextCursor"));
    assertEquals(body.getJsonArray("items").size(), body.getLong("total"));
  }

  @Test
  @DisplayName("deleting the index directory: the next start rebuilds it from MongoDB with the same answers")
  void rebuild() throws IOException {
    Map<String, List<String>> answers = new HashMap<>();
    QUERIES.forEach(q -> answers.put(q, page(q)));
    hub.close();
    Path index = dataDir.resolve("index");
    assertTrue(Files.isDirectory(index));
    try (Stream<Path> files = Files.walk(index)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(f);
      }
    }
    hub = TestHub.start(Map.of("EARSHOT_DATA_DIR", dataDir.toString()));
    api = hub.api().login("admin", hub.adminPassword());
    Map<String, List<String>> again = new HashMap<>();
    QUERIES.forEach(q -> again.put(q, page(q)));
    assertEquals(answers, again);
    assertTrue(new ArrayList<>(answers.get("q=parcel&limit=500")).size() >= CASES / 4);
  }
}
