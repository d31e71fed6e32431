package io.earshot.web;

import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link RouteRolesIT} calls each route as each caller. Each call builds what it needs afresh
 * ({@link RouteFixtures}: a held reply to decide, a webhook to delete, two cases to merge), so every
 * role meets the same case; what all calls share (the hub, the callers, a case, a Problem, a Page
 * comment, a webhook receiver) is made once by the test.
 */
final class RouteCalls {
  /** One call of a route as a caller; {@code who} names the caller's role (or none). */
  interface Call {
    int send(String who, ApiClient caller);
  }

  private final TestHub hub;
  private final Map<String, ApiClient> as;
  private final String caseId;
  private final String problemId;
  private final String commentId;
  private final RouteFixtures made;

  /** {@code as}: a caller for each column of the table ({@code none} without a session). */
  RouteCalls(TestHub hub, Map<String, ApiClient> as, String caseId, String problemId, String commentId, String hookUrl) {
    this.hub = hub;
    this.as = as;
    this.caseId = caseId;
    this.problemId = problemId;
    this.commentId = commentId;
    this.made = new RouteFixtures(hub, as, caseId, hookUrl);
  }


  /** Every route's call, by route as the router names it. */
  Map<String, Call> all() {
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
        .put("username", "made-" + made.next()).put("password", "made-password-123").put("roles", new JsonArray().add("agent"))));
    c.put("PATCH /api/v1/users/:username", send("PATCH", "/api/v1/users/target", new JsonObject().put("capacity", 5)));
    c.put("GET /api/v1/cases", get("/api/v1/cases"));
    c.put("GET /api/v1/cases/:id", (who, api) -> api.get("/api/v1/cases/" + caseId).status());
    c.put("PATCH /api/v1/cases/:id", (who, api) -> send(api, "PATCH", "/api/v1/cases/" + caseId, new JsonObject().put("status", "open")));
    c.put("POST /api/v1/cases/:id/replies", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry about that, a new one is on its way").put("confirm", true)));
    c.put("POST /api/v1/cases/:id/reply-check", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/reply-check",
        new JsonObject().put("text", "Checking")));
    c.put("GET /api/v1/templates", get("/api/v1/templates"));
    c.put("POST /api/v1/templates", send("POST", "/api/v1/templates", made.template()));
    c.put("PATCH /api/v1/templates/:id", (who, api) -> send(api, "PATCH", "/api/v1/templates/" + made.newTemplate(),
        new JsonObject().put("name", "Renamed " + made.next())));
    c.put("DELETE /api/v1/templates/:id", (who, api) -> api.raw("DELETE", "/api/v1/templates/" + made.newTemplate(), null,
        api.writeHeaders()).status());
    c.put("POST /api/v1/cases/:id/template-preview", (who, api) -> send(api, "POST",
        "/api/v1/cases/" + caseId + "/template-preview", new JsonObject().put("template", "thanks")));
    c.put("GET /api/v1/mentions", get("/api/v1/mentions"));
    c.put("GET /api/v1/cases/counts", get("/api/v1/cases/counts"));
    c.put("GET /api/v1/views", get("/api/v1/views"));
    c.put("POST /api/v1/views", send("POST", "/api/v1/views", new JsonObject().put("name", "Mine")));
    c.put("PATCH /api/v1/views/:id", (who, api) -> send(api, "PATCH", "/api/v1/views/" + made.viewOf(who),
        new JsonObject().put("name", "Renamed")));
    c.put("DELETE /api/v1/views/:id", (who, api) -> api.delete("/api/v1/views/" + made.viewOf(who)).status());
    webhookCalls(c);
    problemCalls(c);
    c.put("GET /api/v1/approvals", get("/api/v1/approvals"));
    c.put("POST /api/v1/approvals/:replyId", (who, api) -> send(api, "POST", "/api/v1/approvals/" + made.heldReply(),
        new JsonObject().put("decision", "approve")));
    c.put("GET /api/v1/policies/approval", get("/api/v1/policies/approval"));
    c.put("PUT /api/v1/policies/approval", (who, api) -> send(api, "PUT", "/api/v1/policies/approval",
        new JsonObject().put("rules", as.get("admin").get("/api/v1/policies/approval").json().getJsonArray("rules"))));
    c.put("GET /api/v1/policies/sla", get("/api/v1/policies/sla"));
    c.put("PUT /api/v1/policies/sla", (who, api) -> send(api, "PUT", "/api/v1/policies/sla",
        new JsonObject().put("brands", as.get("admin").get("/api/v1/policies/sla").json().getJsonArray("brands"))));
    c.put("GET /api/v1/brands", get("/api/v1/brands"));
    c.put("POST /api/v1/brands", (who, api) -> send(api, "POST", "/api/v1/brands", new JsonObject()
        .put("id", "brand-" + made.next()).put("name", "Made").put("handles", new JsonObject())));
    c.put("GET /api/v1/brands/:id", get("/api/v1/brands/default"));
    c.put("PATCH /api/v1/brands/:id", send("PATCH", "/api/v1/brands/default", new JsonObject().put("name", "Default")));
    c.put("GET /api/v1/connectors", get("/api/v1/connectors"));
    c.put("PATCH /api/v1/connectors/:name", send("PATCH", "/api/v1/connectors/sandbox", new JsonObject().put("enabled", true)));
    assignCalls(c);
    broadcastCalls(c);
    caseworkCalls(c);
    return c;
  }

  private void assignCalls(Map<String, Call> c) {
    c.put("GET /api/v1/teams", get("/api/v1/teams"));
    c.put("POST /api/v1/teams", (who, api) -> send(api, "POST", "/api/v1/teams", new JsonObject()
        .put("name", "team-" + made.next()).put("members", new JsonArray().add("target"))));
    c.put("PATCH /api/v1/teams/:name", (who, api) -> send(api, "PATCH", "/api/v1/teams/" + made.newTeam(),
        new JsonObject().put("members", new JsonArray().add("ann"))));
    c.put("DELETE /api/v1/teams/:name", (who, api) -> api.raw("DELETE", "/api/v1/teams/" + made.newTeam(), null,
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


  private void broadcastCalls(Map<String, Call> c) {
    c.put("POST /api/v1/broadcasts/preview", send("POST", "/api/v1/broadcasts/preview", made.broadcast()));
    c.put("POST /api/v1/broadcasts", send("POST", "/api/v1/broadcasts", made.broadcast()));
    c.put("GET /api/v1/broadcasts", get("/api/v1/broadcasts"));
    c.put("GET /api/v1/broadcast-templates", get("/api/v1/broadcast-templates"));
    c.put("GET /api/v1/replies/:id/engagement", get("/api/v1/replies/no-such-reply/engagement"));
    c.put("GET /api/v1/broadcasts/:id", (who, api) -> api.get("/api/v1/broadcasts/" + made.heldBroadcast(null)).status());
    c.put("POST /api/v1/broadcasts/:id/pause", (who, api) -> send(api, "POST", "/api/v1/broadcasts/"
        + made.heldBroadcast("sending") + "/pause", new JsonObject()));
    c.put("POST /api/v1/broadcasts/:id/resume", (who, api) -> send(api, "POST", "/api/v1/broadcasts/"
        + made.heldBroadcast("paused") + "/resume", new JsonObject()));
  }



  private void webhookCalls(Map<String, Call> c) {
    c.put("GET /api/v1/webhooks", get("/api/v1/webhooks"));
    c.put("POST /api/v1/webhooks", (who, api) -> send(api, "POST", "/api/v1/webhooks", made.hook()));
    c.put("GET /api/v1/webhooks/:id", (who, api) -> api.get("/api/v1/webhooks/" + made.newHook()).status());
    c.put("PATCH /api/v1/webhooks/:id", (who, api) -> send(api, "PATCH", "/api/v1/webhooks/" + made.newHook(),
        new JsonObject().put("enabled", true)));
    c.put("DELETE /api/v1/webhooks/:id", (who, api) -> api.raw("DELETE", "/api/v1/webhooks/" + made.newHook(), null,
        api.writeHeaders()).status());
    c.put("GET /api/v1/webhooks/:id/deliveries", (who, api) -> api.get("/api/v1/webhooks/" + made.newHook() + "/deliveries").status());
    c.put("POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay", (who, api) -> {
      String[] delivered = made.deliveredHook();
      return send(api, "POST", "/api/v1/webhooks/" + delivered[0] + "/deliveries/" + delivered[1] + "/replay", new JsonObject());
    });
  }

  private void caseworkCalls(Map<String, Call> c) {
    c.put("POST /api/v1/cases/bulk", send("POST", "/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(caseId)).put("action", "tag").put("value", "roles")));
    c.put("POST /api/v1/cases/:id/notes", (who, api) -> send(api, "POST", "/api/v1/cases/" + caseId + "/notes",
        new JsonObject().put("text", "a note from " + who)));
    // Each merge takes a fresh pair of cases of one customer, so every role has one to merge.
    c.put("POST /api/v1/cases/:id/merge", (who, api) -> {
      String[] pair = who.equals("none") ? new String[] {caseId, "any"} : made.casePair();
      return send(api, "POST", "/api/v1/cases/" + pair[0] + "/merge", new JsonObject().put("from", pair[1]));
    });
    c.put("GET /api/v1/tags", get("/api/v1/tags"));
    c.put("PUT /api/v1/tags", send("PUT", "/api/v1/tags", new JsonObject().put("tags", new JsonArray()
        .add(new JsonObject().put("name", "billing").put("color", "#336699")))));
  }



  private void problemCalls(Map<String, Call> c) {
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
        new JsonObject().put("name", "Dept " + made.next())));
    c.put("PATCH /api/v1/departments/:id", send("PATCH", "/api/v1/departments/billing",
        new JsonObject().put("contact", "billing@example.com")));
    c.put("DELETE /api/v1/departments/:id", (who, api) -> {
      String id = "gone-" + made.next();
      as.get("admin").post("/api/v1/departments", new JsonObject().put("id", id).put("name", id));
      return api.raw("DELETE", "/api/v1/departments/" + id, null, api.writeHeaders()).status();
    });
    c.put("GET /api/v1/alerts", get("/api/v1/alerts"));
    c.put("GET /api/v1/policies/detection", get("/api/v1/policies/detection"));
    c.put("PUT /api/v1/policies/detection", send("PUT", "/api/v1/policies/detection", new JsonObject()
        .put("defaults", new JsonObject().put("minCount", 8))));
  }

  private Call get(String path) {
    return (who, api) -> api.get(path).status();
  }

  private Call send(String method, String path, JsonObject body) {
    return (who, api) -> send(api, method, path, body);
  }

  private int send(ApiClient api, String method, String path, JsonObject body) {
    return api.raw(method, path, body.encode(), api.writeHeaders()).status();
  }

  private int signIn(String who) {
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
  private ApiClient session(String who) {
    String name = Map.of("agent", "ann", "manager", "mia", "marketer", "max", "admin", "admin").get(who);
    return new ApiClient(hub.baseUrl(), hub.ingestToken())
        .login(name, name.equals("admin") ? hub.adminPassword() : name + "-password-1");
  }






}
