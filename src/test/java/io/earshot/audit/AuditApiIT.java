package io.earshot.audit;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.store.AuditLog;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The audit viewer's API: filters, stable paging, who may read it, and the CSV export. */
@DisplayName("The audit log through the API")
class AuditApiIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    admin = client().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("pages newest first with a cursor: every entry once, in order, even while new ones are recorded")
  void pagesWithACursor() {
    create("pager-admin", "admin");
    ApiClient pager = client().login("pager-admin", "pager-admin-password");
    for (int i = 0; i < 7; i++) {
      create(pager, "pager-" + i);
    }
    String filter = "/api/v1/audit?action=user.created&actor=pager-admin&limit=3";
    awaitTotal(filter, 7);
    JsonObject first = admin.get(filter).json();
    assertEquals(3, first.getJsonArray("items").size());
    create(pager, "pager-late"); // newer than every page: it must not shift the pages after the first
    List<JsonObject> seen = new ArrayList<>(items(first));
    String cursor = first.getString("nextCursor");
    int pages = 1;
    while (cursor != null) {
      JsonObject page = admin.get(filter + "&cursor=" + cursor).json();
      seen.addAll(items(page));
      cursor = page.getString("nextCursor");
      pages++;
    }
    assertEquals(3, pages, "7 entries in pages of 3");
    List<String> targets = seen.stream().map(e -> e.getString("target")).toList();
    assertEquals(7, new HashSet<>(targets).size(), targets.toString());
    assertFalse(targets.contains("user:pager-late"), targets.toString());
    for (int i = 0; i < 7; i++) {
      assertEquals("user:pager-" + (6 - i), targets.get(i), "newest first: " + targets);
    }
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i - 1).getString("at").compareTo(seen.get(i).getString("at")) >= 0);
    }
  }

  @Test
  @DisplayName("filters by actor, action, object and time, and the entry keeps the record after the change and what it was before")
  void filters() {
    create("second-admin", "admin");
    ApiClient other = client().login("second-admin", "second-admin-password");
    String caseId = ingestCase("audit-filter-1");
    assertEquals(200, other.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "pending")).status());
    String object = "/api/v1/audit?object=case:" + caseId + "&action=case.status_changed";
    awaitTotal(object, 1);
    JsonObject entry = admin.get(object).json().getJsonArray("items").getJsonObject(0);
    assertEquals("second-admin", entry.getString("actor"));
    assertEquals("case:" + caseId, entry.getString("target"));
    assertEquals(Set.of("id", "at", "actor", "action", "target", "detail", "data"), entry.fieldNames());
    assertEquals("new", entry.getJsonObject("data").getString("from"), entry.encode());
    assertEquals("pending", entry.getJsonObject("data").getString("to"));
    assertEquals("pending", entry.getJsonObject("data").getJsonObject("case").getString("status"));
    JsonObject byActor = admin.get("/api/v1/audit?actor=second-admin").json();
    assertTrue(byActor.getLong("total") >= 1);
    items(byActor).forEach(e -> assertEquals("second-admin", e.getString("actor")));
    Instant at = Instant.parse(entry.getString("at"));
    String window = object + "&from=" + at + "&to=" + at.plusMillis(1);
    assertEquals(1, admin.get(window).json().getLong("total"), "from is inclusive");
    assertEquals(0, admin.get(object + "&to=" + at).json().getLong("total"), "to is exclusive");
    assertEquals(0, admin.get(object + "&from=" + at.plusMillis(1)).json().getLong("total"));
  }

  @Test
  @DisplayName("a bad filter answers 400 naming it")
  void badFilters() {
    assertEquals("action", field(admin.get("/api/v1/audit?action=case.exploded")));
    assertEquals("from", field(admin.get("/api/v1/audit?from=yesterday")));
    assertEquals("to", field(admin.get("/api/v1/audit?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z")));
    assertEquals("limit", field(admin.get("/api/v1/audit?limit=0")));
    assertEquals("limit", field(admin.get("/api/v1/audit?limit=501")));
    assertEquals("cursor", field(admin.get("/api/v1/audit?cursor=not-a-cursor")));
    assertEquals("actor", field(admin.get("/api/v1/audit?actor=" + "a".repeat(600))));
    assertEquals("from", field(admin.get("/api/v1/audit/export.csv?from=soon")));
  }

  @Test
  @DisplayName("only admins read the audit log or export it; without a session, 401")
  void adminsOnly() {
    create("audit-agent", "agent");
    create("audit-manager", "manager");
    for (String name : List.of("audit-agent", "audit-manager")) {
      ApiClient someone = client().login(name, name + "-password");
      assertEquals(403, someone.get("/api/v1/audit").status(), name);
      assertEquals(403, someone.get("/api/v1/audit/export.csv").status(), name);
    }
    assertEquals(401, client().get("/api/v1/audit").status());
    assertEquals(401, client().get("/api/v1/audit/export.csv").status());
  }

  @Test
  @DisplayName("the CSV export is RFC 4180 with the same filters, and cells a spreadsheet would run as formulas are defused")
  void csvExport() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    new AuditLog(hub.hub().mongo()).recordAll(List.of(
        new AuditLog.Entry("csv-1", at, "=HYPERLINK(\"http://evil\")", "case.tagged", "case:csv", "a, \"quoted\"\r\nline", null),
        new AuditLog.Entry("csv-2", at.plusSeconds(1), "@sum", "case.tagged", "case:csv", "+1", "{\"k\":\"-2\"}"),
        new AuditLog.Entry("csv-3", at.plusSeconds(2), "plain", "case.tagged", "case:other", "-minus", null)))
        .toCompletionStage().toCompletableFuture().join();
    ApiClient.Response csv = admin.get("/api/v1/audit/export.csv?object=case:csv");
    assertEquals(200, csv.status(), csv.body());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
    assertEquals("id,at,actor,action,target,detail,data\r\n"
        + "csv-2,2026-03-01T10:00:01Z,'@sum,case.tagged,case:csv,'+1,\"{\"\"k\"\":\"\"-2\"\"}\"\r\n"
        + "csv-1,2026-03-01T10:00:00Z,\"'=HYPERLINK(\"\"http://evil\"\")\",case.tagged,case:csv,"
        + "\"a, \"\"quoted\"\"\r\nline\",\r\n", csv.body());
  }

  @Test
  @DisplayName("the CSV export holds every matching entry, beyond one page of the store")
  void csvExportsEverything() {
    List<AuditLog.Entry> many = new ArrayList<>();
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 1_234; i++) {
      many.add(new AuditLog.Entry("bulk-" + i, at.plusSeconds(i), "bulk-actor", "case.tagged", "case:bulk", "n" + i, null));
    }
    new AuditLog(hub.hub().mongo()).recordAll(many).toCompletionStage().toCompletableFuture().join();
    String[] lines = admin.get("/api/v1/audit/export.csv?actor=bulk-actor").body().split("\r\n");
    assertEquals(1 + 1_234, lines.length);
    assertTrue(lines[1].startsWith("bulk-1233,"), lines[1]);
    assertTrue(lines[1_234].startsWith("bulk-0,"), lines[1_234]);
    JsonObject page = admin.get("/api/v1/audit?actor=bulk-actor&limit=500").json();
    assertEquals(1_234, page.getLong("total"));
    assertEquals(500, page.getJsonArray("items").size());
    assertNull(page.getJsonArray("items").getJsonObject(0).getValue("data"));
  }

  private static void awaitTotal(String path, long total) {
    assertTrue(eventually(WAIT, () -> admin.get(path).json().getLong("total") == total),
        () -> path + " → " + admin.get(path).body());
  }

  private static String ingestCase(String externalId) {
    admin.ingest(new JsonArray().add(mention(externalId, externalId + "-author", "@brand my order is late")));
    return admin.get("/api/v1/cases?limit=500").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getJsonObject("customer").getString("id").endsWith(externalId + "-author"))
        .findFirst().orElseThrow().getString("id");
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
  }

  private static void create(String name, String role) {
    create(admin, name, role);
  }

  private static void create(ApiClient by, String name) {
    create(by, name, "agent");
  }

  private static void create(ApiClient by, String name, String role) {
    ApiClient.Response created = by.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add(role)));
    assertEquals(201, created.status(), created.body());
  }

  private static String field(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  private static ApiClient client() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }
}
