package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every route of the router × every role × no session, against the answer each must get:
 * {@code ok} (2xx, or 101 for the live socket), 401 or 403. Routes come from the router itself,
 * so a route added later without a row here fails the test by name. Each call builds what it
 * needs afresh (a held reply to decide, a webhook to delete), so every role meets the same case.
 */
@DisplayName("Who may call which route")
class RouteRolesIT {
  /** Columns of {@link #TABLE}, in order. */
  private static final List<String> WHO = List.of("none", "agent", "manager", "marketer", "admin");
  private static final Map<String, String> TABLE = RouteRoleTable.rows();

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Map<String, ApiClient> as;
  private static String caseId;
  private static io.vertx.core.Vertx receiver;
  private static String hookUrl;
  private static String problemId;
  private static io.earshot.testing.MetaPage metaPage;
  private static String commentId;

  /** One call of a route as a caller; {@code who} names the caller's role (or none). */
  private interface Call {
    int send(String who, ApiClient caller);
  }

  /** Who gets {@code ok} on each route, by role ({@code none} left out): what OpenApiIT holds the document to. */
  static Map<String, List<String>> allowedRoles() {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    TABLE.forEach((route, cells) -> {
      String[] cell = cells.split(" ");
      List<String> roles = new ArrayList<>();
      for (int i = 1; i < WHO.size(); i++) {
        if (cell[i].equals("ok")) {
          roles.add(WHO.get(i));
        }
      }
      allowed.put(route, cell[0].equals("ok") ? List.of() : roles);
    });
    return allowed;
  }

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    metaPage = new io.earshot.testing.MetaPage();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", metaPage.addAccount(sandbox.connectorsDir()).toString()));
    Team team = Team.of(hub);
    as = new LinkedHashMap<>();
    as.put("none", new ApiClient(hub.baseUrl(), hub.ingestToken()));
    as.put("agent", team.agent());
    as.put("manager", team.manager());
    as.put("marketer", Team.person(hub, team.admin(), "max", "marketer"));
    as.put("admin", team.admin());
    Team.person(hub, team.admin(), "target", "agent");
    sandbox.postMention("roles_customer", "@ForkfulEats my order never came");
    caseId = Team.awaitCase(team.admin());
    commentId = metaPage.comment(team.admin(), "your app keeps crashing");
    team.admin().post("/api/v1/departments", new JsonObject().put("id", "billing").put("name", "Billing"));
    problemId = team.admin().post("/api/v1/problems", new JsonObject().put("title", "Roles")
        .put("department", "billing")).json().getString("id");
    receiver = io.vertx.core.Vertx.vertx();
    int port = receiver.createHttpServer().requestHandler(r -> r.response().setStatusCode(204).end()).listen(0).await().actualPort();
    hookUrl = "http://127.0.0.1:" + port + "/hook";
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
    metaPage.close();
    receiver.close().await();
  }

  @Test
  @DisplayName("every route answers every role and an anonymous caller as the table says; a route without a row fails by name")
  void everyRouteEveryRole() {
    Map<String, Call> calls = calls();
    List<String> wrong = new ArrayList<>();
    for (String route : hub.hub().http().routes()) {
      String expected = TABLE.get(route);
      Call call = calls.get(route);
      if (expected == null || call == null) {
        wrong.add(route + ": a new route; add its row to RouteRoleTable and a call to calls()");
        continue;
      }
      String[] cells = expected.split(" ");
      for (int i = 0; i < WHO.size(); i++) {
        int status = call.send(WHO.get(i), as.get(WHO.get(i)));
        if (!matches(cells[i], status)) {
          wrong.add(route + " as " + WHO.get(i) + ": expected " + cells[i] + ", got " + status);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(hub.hub().http().routes().containsAll(TABLE.keySet()), "every row is a route: " + hub.hub().http().routes());
  }

  /** A fresh view of the caller's own (an admin's for a caller without a session). */
  private static String viewOf(String who) {
    ApiClient owner = as.get(who.equals("none") ? "admin" : who);
    return owner.post("/api/v1/views", new JsonObject().put("name", "For " + who + " " + SEQ.incrementAndGet()))
        .json().getString("id");
  }

  private static boolean matches(String cell, int status) {
    return cell.equals("ok") ? status >= 200 && status < 300 || status == 101 : Integer.parseInt(cell) == status;
  }

  private static Map<String, Call> calls() {
    Map<String, Call> c = new LinkedHashMap<>();
    c.put("GET /api/v1/health", get("/api/v1/health"));
    c.put("GET /api/v1/openapi.json", get("/api/v1/openapi.json"));
    c.put("GET /api/v1/meta/webhook", get("/api/v1/meta/webhook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42"));
    c.put("POST /api/v1/meta/webhook", (who, api) -> api.raw("POST", "/api/v1/meta/webhook", "{\"object\":\"page\"}",
        api.writeHeaders()).status());
    c.put("POST /api/v1/mentions", (who, api) -> api.raw("POST", "/api/v1/mentions", "[]", api.writeHeaders()).status());
    c.put("GET /api/v1/live", (who, api) -> LiveListener.upgradeStatus(hub.hub().port(),
        who.equals("none") ? null : api.sessionCookie(), null));
    c.put("POST /api/v1/session", (who, api) -> signIn(who));
    c.put("GET /api/v1/session", get("/api/v1/session"));
    c.put("DELETE /api/v1/session", (who, api) -> {
      ApiClient fresh = who.equals("none") ? api : session(who);
      return fresh.raw("DELETE", "/api/v1/session", null, fresh.writeHeaders()).status();
    });
    c.put("POST /api/v1/tokens", send("POST", "/api/v1/tokens", new JsonObject()));
    c.put("GET /api/v1/tokens", get("/api/v1/tokens"));
    c.put("DELETE /api/v1/tokens/:id", (who, api) -> {
      String token = who.equals("none") ? "no-such-token"
          : api.post("/api/v1/tokens", new JsonObject().put("name", "to revoke")).json().getString("id");
      return api.raw("DELETE", "/api/v1/tokens/" + token, null, api.writeHeaders()).status();
    });
    c.put("GET /api/v1/audit", get("/api/v1/audit"));
    c.put("GET /api/v1/audit/export.csv", get("/api/v1/audit/export.csv"));
    c.put("GET /api/v1/analytics/overview", get("/api/v1/analytics/overview"));
    c.put("GET /api/v1/analytics/export.csv", get("/api/v1/analytics/export.csv?view=reasons"));
    c.put("GET /api/v1/users", get("/api/v1/users"));
    c.put("POST /api/v1/users", (who, api) -> send(api, "POST", "/api/v1/users", new JsonObject()
        .put("username", "made-" + SEQ.incrementAndGet()).put("password", "made-password-123").put("roles", new JsonArray().add("agent"))));
    c.put("PATCH /api/v1/users/:username", send("PATCH", "/api/v1/users/target", new JsonObject().put("capacity", 5)));
    c.put("GET /api/v1/cases", get("/api/v1/cases"));
    c.put("GET /api/v1/cases/:id", (who, api) -> api.get("/api/v1/cases/" + caseId).status());
    c.put("PATCH /api/v1/cases/:id", (who, api) -> send(api, "PATCH", "/api/v1/cases/" + caseId, new JsonObject().put("status", "open")));
    c.put("POST /api/v1/cases/:id/replies", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry about that, a new one is on its way").put("confirm", true)));
    c.put("POST /api/v1/cases/:id/reply-check", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/reply-check",
        new JsonObject().put("text", "Checking")));
    c.put("GET /api/v1/templates", get("/api/v1/templates"));
    c.put("POST /api/v1/templates", send("POST", "/api/v1/templates", template()));
    c.put("PATCH /api/v1/templates/:id", (who, api) -> send(api, "PATCH", "/api/v1/templates/" + newTemplate(),
        new JsonObject().put("name", "Renamed " + SEQ.incrementAndGet())));
    c.put("DELETE /api/v1/templates/:id", (who, api) -> api.raw("DELETE", "/api/v1/templates/" + newTemplate(), null,
        api.writeHeaders()).status());
    c.put("POST /api/v1/cases/:id/template-preview", (who, api) -> send(api, "POST",
        "/api/v1/cases/" + caseId + "/template-preview", new JsonObject().put("template", "thanks")));
    c.put("GET /api/v1/mentions", get("/api/v1/mentions"));
    c.put("GET /api/v1/cases/counts", get("/api/v1/cases/counts"));
    c.put("GET /api/v1/views", get("/api/v1/views"));
    c.put("POST /api/v1/views", send("POST", "/api/v1/views", new JsonObject().put("name", "Mine")));
    c.put("PATCH /api/v1/views/:id", (who, api) -> send(api, "PATCH", "/api/v1/views/" + viewOf(who),
        new JsonObject().put("name", "Renamed")));
    c.put("DELETE /api/v1/views/:id", (who, api) -> api.delete("/api/v1/views/" + viewOf(who)).status());
    webhookCalls(c);
    problemCalls(c);
    c.put("GET /api/v1/approvals", get("/api/v1/approvals"));
    c.put("POST /api/v1/approvals/:replyId", (who, api) -> send(api, "POST", "/api/v1/approvals/" + heldReply(),
        new JsonObject().put("decision", "approve")));
    c.put("GET /api/v1/policies/approval", get("/api/v1/policies/approval"));
    c.put("PUT /api/v1/policies/approval", (who, api) -> send(api, "PUT", "/api/v1/policies/approval",
        new JsonObject().put("rules", as.get("admin").get("/api/v1/policies/approval").json().getJsonArray("rules"))));
    c.put("GET /api/v1/policies/sla", get("/api/v1/policies/sla"));
    c.put("PUT /api/v1/policies/sla", (who, api) -> send(api, "PUT", "/api/v1/policies/sla",
        new JsonObject().put("brands", as.get("admin").get("/api/v1/policies/sla").json().getJsonArray("brands"))));
    c.put("GET /api/v1/brands", get("/api/v1/brands"));
    c.put("POST /api/v1/brands", (who, api) -> send(api, "POST", "/api/v1/brands", new JsonObject()
        .put("id", "brand-" + SEQ.incrementAndGet()).put("name", "Made").put("handles", new JsonObject())));
    c.put("GET /api/v1/brands/:id", get("/api/v1/brands/default"));
    c.put("PATCH /api/v1/brands/:id", send("PATCH", "/api/v1/brands/default", new JsonObject().put("name", "Default")));
    c.put("GET /api/v1/connectors", get("/api/v1/connectors"));
    c.put("PATCH /api/v1/connectors/:name", send("PATCH", "/api/v1/connectors/sandbox", new JsonObject().put("enabled", true)));
    assignCalls(c);
    broadcastCalls(c);
    caseworkCalls(c);
    return c;
  }

  private static void assignCalls(Map<String, Call> c) {
    c.put("GET /api/v1/teams", get("/api/v1/teams"));
    c.put("POST /api/v1/teams", (who, api) -> send(api, "POST", "/api/v1/teams", new JsonObject()
        .put("name", "team-" + SEQ.incrementAndGet()).put("members", new JsonArray().add("target"))));
    c.put("PATCH /api/v1/teams/:name", (who, api) -> send(api, "PATCH", "/api/v1/teams/" + newTeam(),
        new JsonObject().put("members", new JsonArray().add("ann"))));
    c.put("DELETE /api/v1/teams/:name", (who, api) -> api.raw("DELETE", "/api/v1/teams/" + newTeam(), null,
        api.writeHeaders()).status());
    c.put("GET /api/v1/policies/routing", get("/api/v1/policies/routing"));
    c.put("PUT /api/v1/policies/routing", send("PUT", "/api/v1/policies/routing", new JsonObject()
        .put("brands", new JsonObject().put("default", new JsonObject().put("mode", "off")))));
    c.put("GET /api/v1/agents", get("/api/v1/agents"));
    c.put("GET /api/v1/cases/:id/presence", (who, api) -> api.get("/api/v1/cases/" + caseId + "/presence").status());
    c.put("PUT /api/v1/cases/:id/presence", (who, api) -> send(api, "PUT", "/api/v1/cases/" + caseId + "/presence",
        new JsonObject().put("state", "viewing")));
    // The manager hides the comment; the admin's hide finds it hidden (200, nothing more on the Page).
    c.put("POST /api/v1/mentions/:id/moderation", (who, api) -> send(api, "POST", "/api/v1/mentions/"
        + java.net.URLEncoder.encode(commentId, java.nio.charset.StandardCharsets.UTF_8) + "/moderation",
        new JsonObject().put("action", "hide")));
    c.put("GET /api/v1/cases/:id/moderation", (who, api) -> api.get("/api/v1/cases/" + caseId + "/moderation").status());
  }

  private static String newTeam() {
    String name = "team-" + SEQ.incrementAndGet();
    as.get("admin").post("/api/v1/teams", new JsonObject().put("name", name));
    return name;
  }

  private static void broadcastCalls(Map<String, Call> c) {
    c.put("POST /api/v1/broadcasts/preview", send("POST", "/api/v1/broadcasts/preview", broadcast()));
    c.put("POST /api/v1/broadcasts", send("POST", "/api/v1/broadcasts", broadcast()));
    c.put("GET /api/v1/broadcasts", get("/api/v1/broadcasts"));
    c.put("GET /api/v1/broadcast-templates", get("/api/v1/broadcast-templates"));
    c.put("GET /api/v1/replies/:id/engagement", get("/api/v1/replies/no-such-reply/engagement"));
    c.put("GET /api/v1/broadcasts/:id", (who, api) -> api.get("/api/v1/broadcasts/" + heldBroadcast(null)).status());
    c.put("POST /api/v1/broadcasts/:id/pause", (who, api) -> send(api, "POST", "/api/v1/broadcasts/"
        + heldBroadcast("sending") + "/pause", new JsonObject()));
    c.put("POST /api/v1/broadcasts/:id/resume", (who, api) -> send(api, "POST", "/api/v1/broadcasts/"
        + heldBroadcast("paused") + "/resume", new JsonObject()));
  }

  private static JsonObject broadcast() {
    return new JsonObject().put("text", "Scheduled maintenance tonight " + SEQ.incrementAndGet())
        .put("accounts", new JsonArray().add("sandbox"));
  }

  /**
   * A broadcast held for approval, moved straight to {@code state} in the store when given (it is
   * not approved, so the runner never publishes it: it stays sending, or fails once resumed).
   */
  private static String heldBroadcast(String state) {
    String id = as.get("agent").post("/api/v1/broadcasts", broadcast()).json().getString("id");
    if (state != null) {
      hub.hub().mongo().write(() -> hub.hub().mongo().collection("broadcasts").updateOne(
          com.mongodb.client.model.Filters.eq("_id", id), com.mongodb.client.model.Updates.set("state", state))).await();
    }
    return id;
  }

  private static void webhookCalls(Map<String, Call> c) {
    c.put("GET /api/v1/webhooks", get("/api/v1/webhooks"));
    c.put("POST /api/v1/webhooks", (who, api) -> send(api, "POST", "/api/v1/webhooks", hook()));
    c.put("GET /api/v1/webhooks/:id", (who, api) -> api.get("/api/v1/webhooks/" + newHook()).status());
    c.put("PATCH /api/v1/webhooks/:id", (who, api) -> send(api, "PATCH", "/api/v1/webhooks/" + newHook(),
        new JsonObject().put("enabled", true)));
    c.put("DELETE /api/v1/webhooks/:id", (who, api) -> api.raw("DELETE", "/api/v1/webhooks/" + newHook(), null,
        api.writeHeaders()).status());
    c.put("GET /api/v1/webhooks/:id/deliveries", (who, api) -> api.get("/api/v1/webhooks/" + newHook() + "/deliveries").status());
    c.put("POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay", (who, api) -> {
      String[] delivered = deliveredHook();
      return send(api, "POST", "/api/v1/webhooks/" + delivered[0] + "/deliveries/" + delivered[1] + "/replay", new JsonObject());
    });
  }

  private static void caseworkCalls(Map<String, Call> c) {
    c.put("POST /api/v1/cases/bulk", send("POST", "/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(caseId)).put("action", "tag").put("value", "roles")));
    c.put("POST /api/v1/cases/:id/notes", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/notes",
        new JsonObject().put("text", "a note from " + who)));
    // Each merge takes a fresh pair of cases of one customer, so every role has one to merge.
    c.put("POST /api/v1/cases/:id/merge", (who, api) -> {
      String[] pair = who.equals("none") ? new String[] {caseId, "any"} : casePair();
      return send(api, "POST", "/api/v1/cases/" + pair[0] + "/merge", new JsonObject().put("from", pair[1]));
    });
    c.put("GET /api/v1/tags", get("/api/v1/tags"));
    c.put("PUT /api/v1/tags", send("PUT", "/api/v1/tags", new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "billing").put("color", "#336699")))));
  }

  /** Two cases of a new customer, {into, from}: their posts ten days apart lie outside the reopen window. */
  private static String[] casePair() {
    String customer = "pair-" + SEQ.incrementAndGet();
    String from = ingestedCase(ApiClient.mention(customer + "-old", customer, "@ForkfulEats first")
        .put("createdAt", java.time.Instant.now().minus(Duration.ofDays(10)).toString()));
    return new String[] {ingestedCase(ApiClient.mention(customer + "-new", customer, "@ForkfulEats again")), from};
  }

  private static String ingestedCase(JsonObject mention) {
    hub.api().ingest(new JsonArray().add(mention));
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      as.get("admin").get("/api/v1/mentions?platform=sandbox&limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(o -> mention.getString("externalId").equals(o.getString("externalId")))
          .findFirst().ifPresent(o -> id[0] = o.getString("caseId"));
      return id[0] != null;
    }));
    return id[0];
  }

  private static void problemCalls(Map<String, Call> c) {
    String p = "/api/v1/problems/" + problemId;
    c.put("GET /api/v1/problems", get("/api/v1/problems"));
    c.put("POST /api/v1/problems", send("POST", "/api/v1/problems", new JsonObject().put("title", "Made")
        .put("department", "billing")));
    c.put("GET /api/v1/problems/:id", get(p));
    c.put("PATCH /api/v1/problems/:id", send("PATCH", p, new JsonObject().put("severity", "high")));
    c.put("POST /api/v1/problems/:id/cases", send("POST", p + "/cases", new JsonObject()
        .put("caseIds", new JsonArray().add(caseId))));
    c.put("POST /api/v1/problems/:id/notes", send("POST", p + "/notes", new JsonObject().put("text", "noted")));
    c.put("GET /api/v1/problems/:id/suggestions", get(p + "/suggestions"));
    c.put("GET /api/v1/problems/:id/broadcasts", get(p + "/broadcasts"));
    c.put("POST /api/v1/problems/:id/suggestions/:caseId", send("POST", p + "/suggestions/" + caseId,
        new JsonObject().put("decision", "decline")));
    c.put("GET /api/v1/departments", get("/api/v1/departments"));
    c.put("POST /api/v1/departments", (who, api) -> send(api, "POST", "/api/v1/departments",
        new JsonObject().put("name", "Dept " + SEQ.incrementAndGet())));
    c.put("PATCH /api/v1/departments/:id", send("PATCH", "/api/v1/departments/billing",
        new JsonObject().put("contact", "billing@example.com")));
    c.put("DELETE /api/v1/departments/:id", (who, api) -> {
      String id = "gone-" + SEQ.incrementAndGet();
      as.get("admin").post("/api/v1/departments", new JsonObject().put("id", id).put("name", id));
      return api.raw("DELETE", "/api/v1/departments/" + id, null, api.writeHeaders()).status();
    });
    c.put("GET /api/v1/alerts", get("/api/v1/alerts"));
    c.put("GET /api/v1/policies/detection", get("/api/v1/policies/detection"));
    c.put("PUT /api/v1/policies/detection", send("PUT", "/api/v1/policies/detection", new JsonObject()
        .put("defaults", new JsonObject().put("minCount", 8))));
  }

  private static Call get(String path) {
    return (who, api) -> api.get(path).status();
  }

  private static Call send(String method, String path, JsonObject body) {
    return (who, api) -> send(api, method, path, body);
  }

  private static int send(ApiClient api, String method, String path, JsonObject body) {
    return api.raw(method, path, body.encode(), api.writeHeaders()).status();
  }

  private static int signIn(String who) {
    String name = switch (who) {
      case "agent" -> "ann";
      case "manager" -> "mia";
      case "marketer" -> "max";
      default -> "admin";
    };
    String password = name.equals("admin") ? hub.adminPassword() : name + "-password-1";
    return new ApiClient(hub.baseUrl(), hub.ingestToken()).raw("POST", "/api/v1/session",
        new JsonObject().put("username", name).put("password", password).encode(), Map.of("Content-Type", "application/json")).status();
  }

  /** A second session of the role's user, so signing it out leaves the table's own session alone. */
  private static ApiClient session(String who) {
    String name = Map.of("agent", "ann", "manager", "mia", "marketer", "max", "admin", "admin").get(who);
    return new ApiClient(hub.baseUrl(), hub.ingestToken())
        .login(name, name.equals("admin") ? hub.adminPassword() : name + "-password-1");
  }

  private static JsonObject hook() {
    return new JsonObject().put("url", hookUrl).put("secret", "roles-webhook-secret-1234")
        .put("events", new JsonArray().add("case.assigned"));
  }

  private static JsonObject template() {
    return new JsonObject().put("name", "Roles " + SEQ.incrementAndGet()).put("body", "Hi {{customer.handle}}");
  }

  private static String newTemplate() {
    return as.get("admin").post("/api/v1/templates", template()).json().getString("id");
  }

  private static String newHook() {
    return as.get("admin").post("/api/v1/webhooks", hook()).json().getString("id");
  }

  /** A webhook with one delivered event: {id, deliveryId}. */
  private static String[] deliveredHook() {
    ApiClient admin = as.get("admin");
    String id = newHook();
    admin.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", SEQ.incrementAndGet() % 2 == 0 ? "ann" : "admin"));
    String path = "/api/v1/webhooks/" + id + "/deliveries?state=delivered";
    assertTrue(eventually(Duration.ofSeconds(20), () -> !admin.get(path).json().getJsonArray("items").isEmpty()));
    return new String[] {id, admin.get(path).json().getJsonArray("items").getJsonObject(0).getString("id")};
  }

  /** A reply the agent just wrote that the default policy holds ("refund"). */
  private static String heldReply() {
    return as.get("agent").post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "A refund is on its way, number " + SEQ.incrementAndGet()).put("confirm", true))
        .json().getString("id");
  }
}
