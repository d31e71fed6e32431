package io.earshot.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link CsrfIT}'s sample request per state-changing route: each one succeeds when sent with the
 * session's proofs, so its refusals without them are the CSRF rules at work. The map's order is the
 * order the positive controls run in (signing out last).
 */
final class CsrfSamples {
  private CsrfSamples() {
  }

  /** A request that changes something when sent with the session's proofs. */
  record Sample(String method, String path, JsonObject body) {
  }

  /** What the samples act on, made by CsrfIT before the test. */
  record Fixture(String caseId, String webhookId, String deletableWebhookId, String deliveryId, String heldReplyId,
                 String tokenId, String templateId, String deletableTemplateId, String viewId, String deletableViewId,
                 String sendingBroadcastId, String pausedBroadcastId, String mergeFrom, String mergeInto,
                 String problemId, String commentId) {
  }

  /** Sample requests per route pattern, in the order the positive controls run. */
  static Map<String, Sample> of(Fixture f) {
    Map<String, Sample> s = new LinkedHashMap<>();
    casesAndPeople(s, f);
    policiesAndBrands(s, f);
    templatesTeamsViews(s, f);
    broadcastsAndProblems(s, f);
    caseworkThenSignOut(s, f);
    return s;
  }

  static JsonObject broadcast() {
    return new JsonObject().put("text", "Maintenance tonight").put("accounts", new JsonArray().add("sandbox"));
  }

  /** The case itself, people, tokens and webhooks. */
  private static void casesAndPeople(Map<String, Sample> s, Fixture f) {
    s.put("POST /api/v1/cases/:id/reply-check", new Sample("POST", "/api/v1/cases/" + f.caseId() + "/reply-check",
        new JsonObject().put("text", "Checking the length")));
    s.put("POST /api/v1/cases/:id/replies", new Sample("POST", "/api/v1/cases/" + f.caseId() + "/replies",
        new JsonObject().put("text", "So sorry, sending a new one now").put("confirm", true)));
    s.put("PATCH /api/v1/cases/:id", new Sample("PATCH", "/api/v1/cases/" + f.caseId(),
        new JsonObject().put("status", "resolved").put("assignee", "me")));
    s.put("POST /api/v1/users", new Sample("POST", "/api/v1/users", new JsonObject().put("username", "forged-admin")
        .put("password", "forged-admin-password").put("roles", new JsonArray().add("admin"))));
    s.put("PATCH /api/v1/users/:username", new Sample("PATCH", "/api/v1/users/csrf-target",
        new JsonObject().put("disabled", true)));
    s.put("POST /api/v1/tokens", new Sample("POST", "/api/v1/tokens", new JsonObject()));
    s.put("POST /api/v1/webhooks", new Sample("POST", "/api/v1/webhooks", new JsonObject()
        .put("url", "https://hooks.example.com/forged").put("secret", "forged-webhook-secret-99")
        .put("events", new JsonArray().add("*"))));
    s.put("PATCH /api/v1/webhooks/:id", new Sample("PATCH", "/api/v1/webhooks/" + f.webhookId(),
        new JsonObject().put("url", "https://hooks.example.com/forged-too")));
    s.put("POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay", new Sample("POST",
        "/api/v1/webhooks/" + f.webhookId() + "/deliveries/" + f.deliveryId() + "/replay", new JsonObject()));
    s.put("DELETE /api/v1/webhooks/:id", new Sample("DELETE", "/api/v1/webhooks/" + f.deletableWebhookId(), null));
  }

  /** Approvals, approval and SLA policies, brands and connectors. */
  private static void policiesAndBrands(Map<String, Sample> s, Fixture f) {
    s.put("POST /api/v1/approvals/:replyId", new Sample("POST", "/api/v1/approvals/" + f.heldReplyId(),
        new JsonObject().put("decision", "approve").put("text", "A forged approval")));
    s.put("PUT /api/v1/policies/approval", new Sample("PUT", "/api/v1/policies/approval", new JsonObject()
        .put("rules", new JsonArray().add(new JsonObject().put("id", "forged")
            .put("when", new JsonObject().put("always", true))))));
    s.put("PUT /api/v1/policies/sla", new Sample("PUT", "/api/v1/policies/sla", new JsonObject()
        .put("brands", new JsonArray().add(new JsonObject().put("brand", "default").put("bands", new JsonArray()
            .add(new JsonObject().put("name", "forged").put("firstResponseMinutes", 1)))))));
    s.put("POST /api/v1/brands", new Sample("POST", "/api/v1/brands", new JsonObject().put("id", "forged-brand")
        .put("name", "Forged").put("handles", new JsonObject().put("x", new JsonArray().add("@Forged")))));
    s.put("PATCH /api/v1/brands/:id", new Sample("PATCH", "/api/v1/brands/default",
        new JsonObject().put("name", "Renamed by forgery")));
    s.put("PATCH /api/v1/connectors/:name", new Sample("PATCH", "/api/v1/connectors/sandbox",
        new JsonObject().put("enabled", false)));
  }

  /** Templates, teams, routing and saved views. */
  private static void templatesTeamsViews(Map<String, Sample> s, Fixture f) {
    s.put("POST /api/v1/cases/:id/template-preview", new Sample("POST",
        "/api/v1/cases/" + f.caseId() + "/template-preview", new JsonObject().put("template", "thanks")));
    s.put("POST /api/v1/templates", new Sample("POST", "/api/v1/templates", new JsonObject()
        .put("name", "Forged").put("body", "Forged {{customer.handle}}")));
    s.put("PATCH /api/v1/templates/:id", new Sample("PATCH", "/api/v1/templates/" + f.templateId(),
        new JsonObject().put("body", "Forged body")));
    s.put("DELETE /api/v1/templates/:id", new Sample("DELETE", "/api/v1/templates/" + f.deletableTemplateId(), null));
    s.put("POST /api/v1/teams", new Sample("POST", "/api/v1/teams", new JsonObject().put("name", "forged-team")));
    s.put("PATCH /api/v1/teams/:name", new Sample("PATCH", "/api/v1/teams/csrf-team",
        new JsonObject().put("members", new JsonArray().add("admin"))));
    s.put("DELETE /api/v1/teams/:name", new Sample("DELETE", "/api/v1/teams/csrf-team-gone", null));
    s.put("PUT /api/v1/policies/routing", new Sample("PUT", "/api/v1/policies/routing", new JsonObject()
        .put("brands", new JsonObject().put("default", new JsonObject().put("mode", "round_robin")))));
    s.put("POST /api/v1/views", new Sample("POST", "/api/v1/views", new JsonObject().put("name", "Forged")));
    s.put("PATCH /api/v1/views/:id", new Sample("PATCH", "/api/v1/views/" + f.viewId(),
        new JsonObject().put("shared", true)));
    s.put("DELETE /api/v1/views/:id", new Sample("DELETE", "/api/v1/views/" + f.deletableViewId(), null));
  }

  /** Broadcasts, problems, departments and detection. */
  private static void broadcastsAndProblems(Map<String, Sample> s, Fixture f) {
    s.put("POST /api/v1/broadcasts/preview", new Sample("POST", "/api/v1/broadcasts/preview", broadcast()));
    s.put("POST /api/v1/broadcasts", new Sample("POST", "/api/v1/broadcasts", broadcast()));
    s.put("POST /api/v1/broadcasts/:id/pause", new Sample("POST", "/api/v1/broadcasts/" + f.sendingBroadcastId()
        + "/pause", new JsonObject()));
    s.put("POST /api/v1/broadcasts/:id/resume", new Sample("POST", "/api/v1/broadcasts/" + f.pausedBroadcastId()
        + "/resume", new JsonObject()));
    s.put("POST /api/v1/problems", new Sample("POST", "/api/v1/problems", new JsonObject().put("title", "Forged")
        .put("department", "billing")));
    s.put("PATCH /api/v1/problems/:id", new Sample("PATCH", "/api/v1/problems/" + f.problemId(),
        new JsonObject().put("status", "resolved")));
    s.put("POST /api/v1/problems/:id/cases", new Sample("POST", "/api/v1/problems/" + f.problemId() + "/cases",
        new JsonObject().put("caseIds", new JsonArray().add(f.caseId()))));
    s.put("POST /api/v1/problems/:id/notes", new Sample("POST", "/api/v1/problems/" + f.problemId() + "/notes",
        new JsonObject().put("text", "forged")));
    s.put("POST /api/v1/problems/:id/suggestions/:caseId", new Sample("POST",
        "/api/v1/problems/" + f.problemId() + "/suggestions/" + f.caseId(), new JsonObject().put("decision", "decline")));
    s.put("POST /api/v1/departments", new Sample("POST", "/api/v1/departments", new JsonObject().put("name", "Forged")));
    s.put("PATCH /api/v1/departments/:id", new Sample("PATCH", "/api/v1/departments/billing",
        new JsonObject().put("name", "Forged")));
    s.put("DELETE /api/v1/departments/:id", new Sample("DELETE", "/api/v1/departments/csrf-gone", null));
    s.put("PUT /api/v1/policies/detection", new Sample("PUT", "/api/v1/policies/detection", new JsonObject()
        .put("defaults", new JsonObject().put("minCount", 2))));
  }

  /**
   * Presence, a token revoked, bulk changes, notes, merges, tags, moderation; signing out last,
   * as it ends the session the others use.
   */
  private static void caseworkThenSignOut(Map<String, Sample> s, Fixture f) {
    s.put("PUT /api/v1/cases/:id/presence", new Sample("PUT", "/api/v1/cases/" + f.caseId() + "/presence",
        new JsonObject().put("state", "viewing")));
    s.put("DELETE /api/v1/tokens/:id", new Sample("DELETE", "/api/v1/tokens/" + f.tokenId(), null));
    s.put("POST /api/v1/cases/bulk", new Sample("POST", "/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(f.caseId())).put("action", "tag").put("value", "forged")));
    s.put("POST /api/v1/cases/:id/notes", new Sample("POST", "/api/v1/cases/" + f.caseId() + "/notes",
        new JsonObject().put("text", "A forged note")));
    s.put("POST /api/v1/cases/:id/merge", new Sample("POST", "/api/v1/cases/" + f.mergeInto() + "/merge",
        new JsonObject().put("from", f.mergeFrom())));
    s.put("PUT /api/v1/tags", new Sample("PUT", "/api/v1/tags", new JsonObject()
        .put("tags", new JsonArray().add(new JsonObject().put("name", "forged")))));
    s.put("POST /api/v1/mentions/:id/moderation", new Sample("POST", "/api/v1/mentions/"
        + java.net.URLEncoder.encode(f.commentId(), java.nio.charset.StandardCharsets.UTF_8) + "/moderation",
        new JsonObject().put("action", "hide")));
    s.put("DELETE /api/v1/session", new Sample("DELETE", "/api/v1/session", null));
  }
}
