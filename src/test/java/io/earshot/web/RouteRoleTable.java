package io.earshot.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of {@link RouteRolesIT}: each route's expected answer for no session, agent, manager,
 * marketer and admin, in that order ({@code ok} is 2xx, or 101 for the live socket). Grouped by area
 * so a new route's row goes next to its neighbours; {@link #rows()} is the whole table.
 */
final class RouteRoleTable {
  private RouteRoleTable() {
  }

  /** Every row, keyed by {@code "METHOD /path"} as the router names its routes. */
  static Map<String, String> rows() {
    Map<String, String> table = new LinkedHashMap<>();
    access(table);
    casework(table);
    administration(table);
    problemsAndBroadcasts(table);
    return table;
  }

  /**
   * Routes that need no session, or only one's own: health, the API document, ingest and Meta's
   * webhook (their own credentials, never a session), the live socket, sign-in and API tokens.
   */
  private static void access(Map<String, String> t) {
    t.put("GET /api/v1/health", "ok ok ok ok ok");
    t.put("GET /api/v1/openapi.json", "ok ok ok ok ok");
    t.put("POST /api/v1/mentions", "401 401 401 401 401"); // its own bearer token, never a session
    t.put("GET /api/v1/meta/webhook", "403 403 403 403 403"); // Meta's handshake: the verify token, never a session
    t.put("POST /api/v1/meta/webhook", "401 401 401 401 401"); // Meta's signature, never a session
    t.put("GET /api/v1/live", "401 ok ok ok ok");
    t.put("POST /api/v1/session", "ok ok ok ok ok");
    t.put("GET /api/v1/session", "401 ok ok ok ok");
    t.put("DELETE /api/v1/session", "401 ok ok ok ok");
    t.put("POST /api/v1/tokens", "401 ok ok ok ok");
    t.put("GET /api/v1/tokens", "401 ok ok ok ok");
    t.put("DELETE /api/v1/tokens/:id", "401 ok ok ok ok"); // one's own token
  }

  /**
   * Working cases: the inbox, a case and its replies, notes, merges, presence and moderation,
   * templates, saved views and tags.
   */
  private static void casework(Map<String, String> t) {
    t.put("GET /api/v1/cases", "401 ok ok ok ok");
    t.put("GET /api/v1/cases/:id", "401 ok ok ok ok");
    t.put("PATCH /api/v1/cases/:id", "401 ok ok 403 ok");
    t.put("POST /api/v1/cases/:id/replies", "401 ok ok 403 ok");
    t.put("POST /api/v1/cases/:id/reply-check", "401 ok ok 403 ok");
    t.put("GET /api/v1/templates", "401 ok ok ok ok");
    t.put("POST /api/v1/templates", "401 403 ok 403 ok");
    t.put("PATCH /api/v1/templates/:id", "401 403 ok 403 ok");
    t.put("DELETE /api/v1/templates/:id", "401 403 ok 403 ok");
    t.put("POST /api/v1/cases/:id/template-preview", "401 ok ok 403 ok");
    t.put("GET /api/v1/mentions", "401 ok ok ok ok");
    t.put("GET /api/v1/cases/counts", "401 ok ok ok ok");
    t.put("GET /api/v1/views", "401 ok ok ok ok");
    t.put("POST /api/v1/views", "401 ok ok ok ok");
    t.put("PATCH /api/v1/views/:id", "401 ok ok ok ok"); // one's own view
    t.put("DELETE /api/v1/views/:id", "401 ok ok ok ok"); // one's own view
    t.put("GET /api/v1/approvals", "401 403 ok 403 ok");
    t.put("POST /api/v1/approvals/:replyId", "401 403 ok 403 ok");
    t.put("GET /api/v1/agents", "401 ok ok ok ok");
    t.put("POST /api/v1/cases/bulk", "401 ok ok 403 ok");
    t.put("POST /api/v1/cases/:id/notes", "401 ok ok 403 ok");
    t.put("POST /api/v1/cases/:id/merge", "401 ok ok 403 ok");
    t.put("GET /api/v1/tags", "401 ok ok ok ok");
    t.put("PUT /api/v1/tags", "401 403 403 403 ok");
    t.put("GET /api/v1/cases/:id/presence", "401 ok ok ok ok");
    t.put("PUT /api/v1/cases/:id/presence", "401 ok ok ok ok"); // viewing; only typing needs a case worker
    t.put("POST /api/v1/mentions/:id/moderation", "401 403 ok 403 ok"); // hiding a comment: brand managers and admins
    t.put("GET /api/v1/cases/:id/moderation", "401 ok ok ok ok");
  }

  /** Running the hub: audit, analytics, people, webhooks, policies, brands, teams and connectors. */
  private static void administration(Map<String, String> t) {
    t.put("GET /api/v1/audit", "401 403 403 403 ok");
    t.put("GET /api/v1/audit/export.csv", "401 403 403 403 ok");
    t.put("GET /api/v1/analytics/overview", "401 403 ok ok ok"); // for marketing and management, not agents
    t.put("GET /api/v1/analytics/export.csv", "401 403 ok ok ok");
    t.put("GET /api/v1/users", "401 403 403 403 ok");
    t.put("POST /api/v1/users", "401 403 403 403 ok");
    t.put("PATCH /api/v1/users/:username", "401 403 403 403 ok");
    t.put("GET /api/v1/webhooks", "401 403 403 403 ok");
    t.put("POST /api/v1/webhooks", "401 403 403 403 ok");
    t.put("GET /api/v1/webhooks/:id", "401 403 403 403 ok");
    t.put("PATCH /api/v1/webhooks/:id", "401 403 403 403 ok");
    t.put("DELETE /api/v1/webhooks/:id", "401 403 403 403 ok");
    t.put("GET /api/v1/webhooks/:id/deliveries", "401 403 403 403 ok");
    t.put("POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay", "401 403 403 403 ok");
    t.put("GET /api/v1/policies/approval", "401 403 ok 403 ok");
    t.put("PUT /api/v1/policies/approval", "401 403 403 403 ok");
    t.put("GET /api/v1/policies/sla", "401 ok ok 403 ok");
    t.put("PUT /api/v1/policies/sla", "401 403 403 403 ok");
    t.put("GET /api/v1/brands", "401 ok ok ok ok");
    t.put("POST /api/v1/brands", "401 403 403 403 ok");
    t.put("GET /api/v1/brands/:id", "401 ok ok ok ok");
    t.put("PATCH /api/v1/brands/:id", "401 403 403 403 ok");
    t.put("GET /api/v1/connectors", "401 403 ok 403 ok");
    t.put("PATCH /api/v1/connectors/:name", "401 403 403 403 ok");
    t.put("GET /api/v1/teams", "401 ok ok ok ok");
    t.put("POST /api/v1/teams", "401 403 403 403 ok");
    t.put("PATCH /api/v1/teams/:name", "401 403 403 403 ok");
    t.put("DELETE /api/v1/teams/:name", "401 403 403 403 ok");
    t.put("GET /api/v1/policies/routing", "401 403 ok 403 ok");
    t.put("PUT /api/v1/policies/routing", "401 403 403 403 ok");
  }

  /** Problems and the broadcasts that answer them: departments, alerts and detection included. */
  private static void problemsAndBroadcasts(Map<String, String> t) {
    t.put("POST /api/v1/broadcasts/preview", "401 ok ok 403 ok");
    t.put("POST /api/v1/broadcasts", "401 ok ok 403 ok");
    t.put("GET /api/v1/broadcasts", "401 ok ok ok ok");
    t.put("GET /api/v1/broadcast-templates", "401 ok ok ok ok");
    t.put("GET /api/v1/broadcasts/:id", "401 ok ok ok ok");
    t.put("POST /api/v1/broadcasts/:id/pause", "401 ok ok 403 ok");
    t.put("POST /api/v1/broadcasts/:id/resume", "401 403 ok 403 ok");
    t.put("GET /api/v1/replies/:id/engagement", "401 ok ok ok ok");
    t.put("GET /api/v1/problems", "401 ok ok ok ok");
    t.put("POST /api/v1/problems", "401 ok ok 403 ok");
    t.put("GET /api/v1/problems/:id", "401 ok ok ok ok");
    t.put("PATCH /api/v1/problems/:id", "401 ok ok 403 ok");
    t.put("POST /api/v1/problems/:id/cases", "401 ok ok 403 ok");
    t.put("POST /api/v1/problems/:id/notes", "401 ok ok 403 ok");
    t.put("GET /api/v1/problems/:id/suggestions", "401 ok ok ok ok");
    t.put("GET /api/v1/problems/:id/broadcasts", "401 ok ok ok ok");
    t.put("POST /api/v1/problems/:id/suggestions/:caseId", "401 ok ok 403 ok");
    t.put("GET /api/v1/departments", "401 ok ok ok ok");
    t.put("POST /api/v1/departments", "401 403 403 403 ok");
    t.put("PATCH /api/v1/departments/:id", "401 403 403 403 ok");
    t.put("DELETE /api/v1/departments/:id", "401 403 403 403 ok");
    t.put("GET /api/v1/alerts", "401 ok ok ok ok");
    t.put("GET /api/v1/policies/detection", "401 403 ok 403 ok");
    t.put("PUT /api/v1/policies/detection", "401 403 403 403 ok");
  }
}
