package io.earshot.problem;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Problems and departments through the API")
class ProblemsApiIT {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    team = Team.of(hub);
    department("billing", "Billing", List.of(), "Bea Bills, billing@example.com");
    department("logistics", "Logistics", List.of(), "warehouse desk");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static JsonObject department(String id, String name, List<String> members, String contact) {
    ApiClient.Response r = team.admin().post("/api/v1/departments", new JsonObject().put("id", id).put("name", name)
        .put("members", new JsonArray(members)).put("contact", contact));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  /** One new case per text (a new customer each), answered in order. */
  static List<String> cases(String... texts) {
    JsonArray batch = new JsonArray();
    List<String> externals = new ArrayList<>();
    for (String text : texts) {
      int n = SEQ.incrementAndGet();
      externals.add("sandbox:pb-" + n);
      batch.add(ApiClient.mention("pb-" + n, "pb-cust-" + n, text));
    }
    assertEquals(202, hub.api().ingest(batch).status());
    List<String> ids = new ArrayList<>();
    for (String mentionId : externals) {
      assertTrue(eventually(Duration.ofSeconds(15), () -> caseOf(mentionId) != null), mentionId);
      ids.add(caseOf(mentionId));
    }
    return ids;
  }

  private static String caseOf(String mentionId) {
    Document m = hub.hub().mongo().collection("mentions").find(Filters.eq("_id", mentionId)).first();
    return m == null ? null : m.getString("caseId");
  }

  private static JsonObject open(ApiClient as, String title, String department, List<String> caseIds) {
    ApiClient.Response r = as.post("/api/v1/problems", new JsonObject().put("title", title)
        .put("department", department).put("caseIds", new JsonArray(caseIds)));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static String field(ApiClient.Response r) {
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  @Test
  @DisplayName("admins manage departments; everyone reads them; others may not change them; bad input names the field")
  void departments() {
    JsonObject it = department("it", "IT", List.of("ann"), "#it-oncall");
    assertEquals("it", it.getString("id"));
    assertEquals(403, team.agent().post("/api/v1/departments", new JsonObject().put("name", "Nope")).status());
    assertEquals("name", field(team.admin().post("/api/v1/departments", new JsonObject().put("contact", "x"))));
    assertEquals("members", field(team.admin().post("/api/v1/departments", new JsonObject().put("name", "X")
        .put("members", "ann"))));
    assertEquals(409, team.admin().post("/api/v1/departments", new JsonObject().put("id", "it").put("name", "IT")).status());
    JsonObject changed = team.admin().patch("/api/v1/departments/it", new JsonObject().put("contact", "#it")).json();
    assertEquals("#it", changed.getString("contact"));
    assertEquals(List.of("ann"), changed.getJsonArray("members").getList());
    assertTrue(team.agent().get("/api/v1/departments").json().getJsonArray("items").stream()
        .anyMatch(d -> ((JsonObject) d).getString("id").equals("it")));
    assertEquals(204, team.admin().delete("/api/v1/departments/it").status());
    assertEquals(404, team.admin().patch("/api/v1/departments/it", new JsonObject().put("name", "IT")).status());
  }

  @Test
  @DisplayName("a Problem shows its cases, affected customers per platform, volume, timeline, owner and avoidable contacts")
  void detail() {
    List<String> ids = cases("I was charged twice for my order", "Charged twice again this month!");
    JsonObject p = open(team.agent(), "Double charges", "billing", ids);
    assertEquals("investigating", p.getString("status"));
    assertEquals(ids, p.getJsonArray("linked").getList());
    JsonObject d = team.agent().get("/api/v1/problems/" + p.getString("id")).json();
    assertEquals(ids, d.getJsonArray("caseIds").getList());
    assertEquals(2, d.getJsonObject("affectedCustomers").getInteger("sandbox"));
    assertEquals("Bea Bills, billing@example.com", d.getJsonObject("department").getString("contact"));
    assertEquals(2, d.getJsonArray("volume").getJsonObject(0).getInteger("cases"));
    assertEquals(2, d.getJsonObject("avoidableContacts").getInteger("caused"));
    assertEquals(p.getString("id"), team.agent().get("/api/v1/cases/" + ids.get(0)).json().getJsonObject("case").getString("problemId"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> kinds(p.getString("id"))
        .containsAll(Set.of("problem.opened", "problem.cases_linked"))));
  }

  private static Set<String> kinds(String problemId) {
    Set<String> kinds = new java.util.HashSet<>();
    team.admin().get("/api/v1/problems/" + problemId).json().getJsonArray("timeline")
        .forEach(e -> kinds.add(((JsonObject) e).getString("kind")));
    return kinds;
  }

  @Test
  @DisplayName("bad input names the field; an unknown Problem is 404; a marketer reads but cannot change")
  void validation() {
    assertEquals("title", field(team.agent().post("/api/v1/problems", new JsonObject().put("department", "billing"))));
    assertEquals("department", field(team.agent().post("/api/v1/problems", new JsonObject().put("title", "T"))));
    assertEquals("department", field(team.agent().post("/api/v1/problems", new JsonObject().put("title", "T")
        .put("department", "nope"))));
    assertEquals("severity", field(team.agent().post("/api/v1/problems", new JsonObject().put("title", "T")
        .put("department", "billing").put("severity", "apocalyptic"))));
    assertEquals("fromAlert", field(team.agent().post("/api/v1/problems", new JsonObject().put("title", "T")
        .put("department", "billing").put("fromAlert", "no-such-alert"))));
    String id = open(team.agent(), "Late parcels", "logistics", List.of()).getString("id");
    assertEquals("status", field(team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "done"))));
    assertEquals("caseIds", field(team.agent().post("/api/v1/problems/" + id + "/cases", new JsonObject())));
    assertEquals("text", field(team.agent().post("/api/v1/problems/" + id + "/notes", new JsonObject())));
    assertEquals(404, team.agent().get("/api/v1/problems/nope").status());
    ApiClient marketer = Team.person(hub, team.admin(), "mark", "marketer");
    assertEquals(200, marketer.get("/api/v1/problems/" + id).status());
    assertEquals(403, marketer.patch("/api/v1/problems/" + id, new JsonObject().put("status", "fixing")).status());
  }

  @Test
  @DisplayName("a case links to at most one Problem: linking it elsewhere is skipped with the reason")
  void oneProblemPerCase() {
    List<String> ids = cases("The app logs me out every hour");
    String first = open(team.agent(), "Logouts", "billing", ids).getString("id");
    String second = open(team.agent(), "Logouts again", "billing", List.of()).getString("id");
    JsonObject answer = team.agent().post("/api/v1/problems/" + second + "/cases",
        new JsonObject().put("caseIds", new JsonArray(ids).add("no-such-case"))).json();
    assertEquals(List.of(), answer.getJsonArray("linked").getList());
    assertEquals(2, answer.getJsonArray("skipped").size());
    assertTrue(answer.getJsonArray("skipped").getJsonObject(0).getString("reason").contains(first));
    assertEquals(first, team.agent().get("/api/v1/cases/" + ids.get(0)).json().getJsonObject("case").getString("problemId"));
  }

  @Test
  @DisplayName("resolving resolves the linked cases with a note; a customer writing again reopens their case, not the Problem")
  void resolution() {
    List<String> ids = cases("Charged twice on my card, please fix", "double charge on my bill");
    String id = open(team.agent(), "Billing run charged twice", "billing", ids).getString("id");
    assertEquals(201, team.agent().post("/api/v1/problems/" + id + "/notes",
        new JsonObject().put("text", "Finance found the duplicate run")).status());
    JsonObject known = team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "identified")).json();
    assertEquals(new JsonObject().put("problemId", id).put("notifyAffected", true).put("template", "incident-notice"),
        known.getJsonObject("offers").getJsonObject("broadcast").getJsonObject("body"), "confirming offers the 'we know' broadcast");
    assertEquals("known", known.getJsonObject("offers").getJsonObject("broadcast").getString("kind"));
    JsonObject fixing = team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "fixing")).json();
    assertEquals("update", fixing.getJsonObject("offers").getJsonObject("broadcast").getString("kind"));
    assertNull(team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("severity", "high")).json()
        .getJsonObject("offers"), "a change that is not a status step offers nothing");
    ApiClient.Response resolved = team.agent().patch("/api/v1/problems/" + id, new JsonObject().put("status", "resolved")
        .put("publicSummary", "Refunds are on their way"));
    assertEquals(200, resolved.status(), resolved.body());
    assertEquals(2, resolved.json().getInteger("resolvedCases"));
    JsonObject fixed = resolved.json().getJsonObject("offers").getJsonObject("broadcast");
    assertEquals("fixed", fixed.getString("kind"));
    assertEquals("fix-announcement", fixed.getJsonObject("body").getString("template"));
    for (String caseId : ids) {
      assertEquals("resolved", team.agent().get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("status"));
      Document note = hub.hub().mongo().collection("notes").find(Filters.eq("caseId", caseId)).first();
      assertNotNull(note, "a note on " + caseId);
      assertTrue(note.getString("text").contains("Billing run charged twice"));
    }
    JsonObject detail = team.agent().get("/api/v1/problems/" + id).json();
    assertNotNull(detail.getJsonObject("avoidableContacts").getInteger("stopped"));
    assertTrue(kinds(id).containsAll(Set.of("problem.note_added", "problem.status_changed")));
    String mention = hub.hub().mongo().collection("cases").find(Filters.eq("_id", ids.get(0))).first()
        .getList("mentionIds", String.class).get(0);
    JsonObject again = ApiClient.mention("pb-again-" + SEQ.incrementAndGet(), mention.replace("sandbox:pb-", "pb-cust-"),
        "Still charged twice!").put("inReplyTo", mention.substring("sandbox:".length()));
    assertEquals(202, hub.api().ingest(new JsonArray().add(again)).status());
    assertTrue(eventually(Duration.ofSeconds(15), () -> !team.agent().get("/api/v1/cases/" + ids.get(0)).json()
        .getJsonObject("case").getString("status").equals("resolved")), "the customer's case reopened");
    assertEquals("resolved", team.agent().get("/api/v1/problems/" + id).json().getString("status"));
    assertEquals(id, team.agent().get("/api/v1/cases/" + ids.get(0)).json().getJsonObject("case").getString("problemId"));
  }

  @Test
  @DisplayName("a department member sees and works only their department's Problems")
  void departmentScope() {
    Team.person(hub, team.admin(), "bill", "agent");
    ApiClient bill = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("bill", "bill-password-1");
    String billing = open(team.agent(), "Refund delays", "billing", List.of()).getString("id");
    String logistics = open(team.agent(), "Lost parcels", "logistics", List.of()).getString("id");
    assertEquals(200, team.admin().patch("/api/v1/departments/billing",
        new JsonObject().put("members", new JsonArray().add("bill"))).status());
    assertEquals(200, bill.get("/api/v1/problems/" + billing).status());
    assertEquals(404, bill.get("/api/v1/problems/" + logistics).status());
    assertEquals(404, bill.get("/api/v1/problems/" + logistics + "/broadcasts").status(), "nor what was broadcast about it");
    JsonObject nothingYet = bill.get("/api/v1/problems/" + billing + "/broadcasts").json();
    assertEquals(0, nothingYet.getInteger("total"));
    assertEquals(0L, nothingYet.getJsonObject("engagement").getJsonObject("all").getLong("likes"));
    assertEquals(404, bill.patch("/api/v1/problems/" + logistics, new JsonObject().put("status", "fixing")).status());
    assertEquals(403, bill.post("/api/v1/problems", new JsonObject().put("title", "Mine?").put("department", "logistics"))
        .status());
    assertFalse(bill.get("/api/v1/problems").json().getJsonArray("items").stream()
        .anyMatch(p -> ((JsonObject) p).getString("department").equals("logistics")));
    assertEquals(200, team.agent().get("/api/v1/problems/" + logistics).status(), "the care team sees all");
    assertEquals(200, team.admin().patch("/api/v1/departments/billing",
        new JsonObject().put("members", new JsonArray())).status());
  }

  @Test
  @DisplayName("suggestions propose look-alike cases with evidence; a decline is recorded and hides it; accept links")
  void suggestions() {
    List<String> linked = cases("My card was charged twice for one subscription",
        "charged twice for the subscription, refund please");
    String id = open(team.agent(), "Subscription charged twice", "billing", linked).getString("id");
    List<String> fresh = cases("Why was my card charged twice for the subscription?",
        "Subscription charged twice again", "The courier left my parcel in the rain");
    JsonArray items = team.agent().get("/api/v1/problems/" + id + "/suggestions").json().getJsonArray("items");
    List<String> suggested = items.stream().map(o -> ((JsonObject) o).getJsonObject("case").getString("id")).toList();
    assertTrue(suggested.containsAll(fresh.subList(0, 2)), items.encodePrettily());
    assertFalse(suggested.contains(fresh.get(2)), "the parcel case is not like them");
    JsonObject evidence = items.getJsonObject(0).getJsonObject("evidence");
    assertEquals("billing", evidence.getString("reason"));
    assertFalse(evidence.getJsonArray("phrases").isEmpty());
    assertEquals(200, team.agent().post("/api/v1/problems/" + id + "/suggestions/" + fresh.get(1),
        new JsonObject().put("decision", "decline")).status());
    assertEquals(200, team.agent().post("/api/v1/problems/" + id + "/suggestions/" + fresh.get(0),
        new JsonObject().put("decision", "accept")).status());
    assertEquals("decision", field(team.agent().post("/api/v1/problems/" + id + "/suggestions/" + fresh.get(0),
        new JsonObject().put("decision", "maybe"))));
    List<String> after = team.agent().get("/api/v1/problems/" + id + "/suggestions").json().getJsonArray("items")
        .stream().map(o -> ((JsonObject) o).getJsonObject("case").getString("id")).toList();
    assertFalse(after.contains(fresh.get(1)));
    assertFalse(after.contains(fresh.get(0)));
    assertTrue(team.agent().get("/api/v1/problems/" + id).json().getJsonArray("caseIds").contains(fresh.get(0)));
    assertTrue(eventually(Duration.ofSeconds(10), () -> kinds(id).contains("problem.suggestion_declined")));
  }
}
