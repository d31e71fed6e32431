package io.earshot.find;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding cases: filters, full text, sorts and counts of GET /api/v1/cases")
class FindApiIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant BASE = Instant.parse("2026-03-10T12:00:00Z");
  private static TestHub hub;
  private static ApiClient api;
  /** Every case the test made, as the unfiltered list answers it: what each filter is checked against. */
  private static List<JsonObject> all;

  @BeforeAll
  static void start() {
    // The fields other parts write reach the index by the catch-up here (no event tells them).
    hub = TestHub.start(Map.of("EARSHOT_INDEX_CATCHUP_MS", "500"));
    api = hub.api().login("admin", hub.adminPassword());
    JsonArray mentions = new JsonArray();
    String[] texts = {"my parcel never arrived, tracking says lost", "charged twice for my plan, I want a refund now",
        "love the new app update, great work", "app crashes on login since yesterday", "how do I change my address",
        "the outage is ruining my day, no signal at all", "thanks for the quick help yesterday",
        "invoice shows the wrong amount again", "cannot reset my password, the email never comes",
        "where is the zebrafinch order I placed"};
    for (int i = 0; i < texts.length; i++) {
      JsonObject m = mention("find-" + i, "finder-" + i, "@brand " + texts[i])
          .put("createdAt", BASE.plus(Duration.ofHours(i)).toString());
      if (i % 3 == 0) {
        m.put("platform", "mastodon");
      }
      mentions.add(m);
    }
    assertEquals(texts.length, api.ingest(mentions).json().getInteger("accepted"));
    assertTrue(eventually(WAIT, () -> list("limit=500").getLong("total") == texts.length), "every case is listed");
    all = items(list("limit=500"));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static JsonObject list(String query) {
    ApiClient.Response r = api.get("/api/v1/cases?" + query);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  private static Set<String> ids(List<JsonObject> cases) {
    return cases.stream().map(c -> c.getString("id")).collect(Collectors.toSet());
  }

  private static Set<String> expected(Predicate<JsonObject> which) {
    return ids(all.stream().filter(which).toList());
  }

  private static void answers(String query, Set<String> expected) {
    JsonObject page = list(query + "&limit=500");
    assertEquals(expected, ids(items(page)), query);
    assertEquals(expected.size(), page.getLong("total"), query + " total");
  }

  /** The case a mention of this test went to (its id is {@code platform:externalId}). */
  private static String caseOf(String externalId) {
    return hub.hub().mongo().collection(MongoStore.MENTIONS).find(Filters.eq("externalId", externalId)).first()
        .getString("caseId");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("q finds cases by a word of a mention, the customer's handle or name, and ignores case")
  void fullText() {
    answers("q=zebrafinch", Set.of(caseOf("find-9")));
    answers("q=" + enc("REFUND"), Set.of(caseOf("find-1")));
    answers("q=handle_finder-4", Set.of(caseOf("find-4")));
    answers("q=" + enc("\"Customer finder-7\""), Set.of(caseOf("find-7")));
    answers("q=" + enc("app -crashes"), Set.of(caseOf("find-2")));
    answers("q=nosuchwordanywhere", Set.of());
  }

  @Test
  @DisplayName("platform, sentiment, reason and priority filters answer exactly the matching cases")
  void exactFilters() {
    answers("platform=mastodon", expected(c -> c.getString("platform").equals("mastodon")));
    for (String label : List.of("positive", "neutral", "negative")) {
      answers("sentiment=" + label, expected(c -> c.getJsonObject("triage").getString("label").equals(label)));
    }
    String reason = all.stream().flatMap(c -> c.getJsonObject("triage").getJsonArray("reasons").stream())
        .map(r -> ((JsonObject) r).getString("code")).findFirst().orElseThrow();
    answers("reason=" + reason, expected(c -> c.getJsonObject("triage").getJsonArray("reasons").stream()
        .anyMatch(r -> ((JsonObject) r).getString("code").equals(reason))));
    int median = all.stream().mapToInt(c -> c.getJsonObject("priority").getInteger("value")).sorted()
        .skip(all.size() / 2).findFirst().orElseThrow();
    answers("priorityMin=" + median, expected(c -> c.getJsonObject("priority").getInteger("value") >= median));
    answers("priorityMax=" + median, expected(c -> c.getJsonObject("priority").getInteger("value") <= median));
    answers("brand=default", ids(all));
  }

  @Test
  @DisplayName("from and to bound the last mention's time; a day as to includes that day")
  void dates() {
    answers("from=" + BASE.plus(Duration.ofHours(5)) + "&to=" + BASE.plus(Duration.ofHours(8)),
        Set.of(caseOf("find-5"), caseOf("find-6"), caseOf("find-7")));
    answers("to=2026-03-09", Set.of());
    answers("from=2026-03-10&to=2026-03-10", ids(all));
  }

  @Test
  @DisplayName("status takes one or several; assignee takes me, none or a username; tabs count per status")
  void statusAndAssignee() {
    String resolved = caseOf("find-6");
    String mine = caseOf("find-3");
    assertEquals(200, api.patch("/api/v1/cases/" + resolved, new JsonObject().put("status", "resolved")).status());
    assertEquals(200, api.patch("/api/v1/cases/" + mine, new JsonObject().put("assignee", "admin")).status());
    answers("status=resolved", Set.of(resolved));
    Set<String> open = new java.util.HashSet<>(ids(all));
    open.remove(resolved);
    answers("status=new,open", open);
    answers("status=new&status=open", open);
    answers("assignee=me", Set.of(mine));
    answers("assignee=admin", Set.of(mine));
    Set<String> nobody = new java.util.HashSet<>(ids(all));
    nobody.remove(mine);
    answers("assignee=none", nobody);
    List<JsonObject> byDefault = items(list("limit=500"));
    assertEquals(resolved, byDefault.get(byDefault.size() - 1).getString("id"), "a resolved case sits below open work");
    JsonObject counts = api.get("/api/v1/cases/counts?platform=mastodon").json().getJsonObject("counts");
    for (String status : List.of("new", "open", "pending", "resolved")) {
      assertEquals(list("platform=mastodon&status=" + status).getLong("total"), counts.getLong(status), status);
    }
    assertEquals(200, api.patch("/api/v1/cases/" + resolved, new JsonObject().put("status", "open")).status());
  }

  @Test
  @DisplayName("team, tag, SLA state and problem are read from the case fields their parts write")
  void otherPartsFields() {
    String id = caseOf("find-8");
    hub.hub().mongo().collection(MongoStore.CASES).updateOne(Filters.eq("_id", id), Updates.combine(
        Updates.set("team", "billing"), Updates.set("tags", List.of("vip", "billing")),
        Updates.set("sla", new Document("state", "breached").append("dueAt", Date.from(BASE))),
        Updates.set("problemId", "prob-1"), Updates.set("updatedAt", new Date())));
    assertTrue(eventually(WAIT, () -> list("tag=vip").getLong("total") == 1), "the catch-up found the change");
    answers("tag=vip", Set.of(id));
    answers("assignee=" + enc("team:billing"), Set.of(id));
    answers("sla=breached", Set.of(id));
    answers("problem=prob-1", Set.of(id));
    assertEquals(id, items(list("sort=sla")).get(0).getString("id"), "the only case with an SLA target comes first");
  }

  @Test
  @DisplayName("sorts: newest, oldest, waiting and priority, each a total order")
  void sorts() {
    List<String> newest = items(list("sort=newest&limit=500&status=new")).stream()
        .map(c -> c.getString("lastMentionAt")).toList();
    List<String> sortedDesc = new ArrayList<>(newest);
    sortedDesc.sort(java.util.Comparator.reverseOrder());
    assertEquals(sortedDesc, newest);
    List<String> oldest = items(list("sort=oldest&limit=500&status=new")).stream()
        .map(c -> c.getString("lastMentionAt")).toList();
    List<String> sortedAsc = new ArrayList<>(sortedDesc);
    java.util.Collections.reverse(sortedAsc);
    assertEquals(sortedAsc, oldest);
    List<Integer> priorities = items(list("sort=priority&limit=500&status=new")).stream()
        .map(c -> c.getJsonObject("priority").getInteger("value")).toList();
    List<Integer> sorted = new ArrayList<>(priorities);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, priorities);
    assertEquals(ids(all), ids(items(list("sort=waiting&limit=500"))));
  }

  @Test
  @DisplayName("GET /mentions lists a platform's mentions newest received first, from the index")
  void mentions() {
    JsonObject page = api.get("/api/v1/mentions?platform=mastodon&limit=2").json();
    assertEquals(4, page.getLong("total"), "find-0, 3, 6 and 9 were sent as mastodon");
    assertEquals(2, page.getJsonArray("items").size());
    page.getJsonArray("items").forEach(m -> assertEquals("mastodon", ((JsonObject) m).getString("platform")));
    List<String> received = api.get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream()
        .map(m -> ((JsonObject) m).getString("receivedAt")).toList();
    List<String> newestFirst = new ArrayList<>(received);
    newestFirst.sort(java.util.Comparator.reverseOrder());
    assertEquals(newestFirst, received);
    assertEquals(10, received.size());
  }

  @Test
  @DisplayName("every bad parameter is a 400 naming the parameter")
  void validation() {
    Map<String, String> bad = Map.ofEntries(Map.entry("status=closed", "status"), Map.entry("sort=random", "sort"),
        Map.entry("platform=myspace", "platform"), Map.entry("sentiment=angry", "sentiment"),
        Map.entry("priorityMin=x", "priorityMin"), Map.entry("priorityMax=101", "priorityMax"),
        Map.entry("priorityMin=80&priorityMax=20", "priorityMin"), Map.entry("from=yesterday", "from"),
        Map.entry("to=2026-13-01", "to"), Map.entry("from=2026-03-02&to=2026-03-01", "from"),
        Map.entry("sla=late", "sla"), Map.entry("limit=0", "limit"), Map.entry("cursor=%25%25", "cursor"),
        Map.entry("brand=Not%20A%20Brand", "brand"), Map.entry("brand=nosuchbrand", "brand"),
        Map.entry("assignee=team:", "assignee"), Map.entry("q=" + "x".repeat(501), "q"),
        Map.entry("tag=a&tag=b", "tag"));
    bad.forEach((query, field) -> {
      ApiClient.Response r = api.get("/api/v1/cases?" + query);
      assertEquals(400, r.status(), query + ": " + r.body());
      assertEquals(field, r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), query);
      ApiClient.Response counts = api.get("/api/v1/cases/counts?" + query);
      if (!Set.of("sort", "limit", "cursor").contains(field)) {
        assertEquals(400, counts.status(), "counts " + query);
      }
    });
    String cursor = list("limit=2&sort=newest").getString("nextCursor");
    ApiClient.Response other = api.get("/api/v1/cases?limit=2&sort=priority&cursor=" + cursor);
    assertEquals(400, other.status(), "a cursor of another sort");
    assertFalse(other.body().contains("Exception"));
  }
}
