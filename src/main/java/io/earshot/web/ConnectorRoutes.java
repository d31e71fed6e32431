package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.connector.ConnectorAccounts;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code /api/v1/connectors}: managers and admins read every connector account (brand, platform,
 * status, lag, rate-limit window, last error, counts, budget); admins switch one on or off. No
 * answer carries a credential or the account's base URL (which may embed one).
 */
final class ConnectorRoutes {
  private static final Set<String> ERROR_STATES = Set.of("failing", "unauthorized", "rate_limited");
  private final ConnectorAccounts accounts;
  private final Clock clock;

  ConnectorRoutes(ConnectorAccounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  void mount(Router api) {
    api.get("/connectors").handler(this::list);
    api.patch("/connectors/:name").handler(this::update);
  }

  private void list(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.canApprove()) {
      throw new DomainError.Forbidden("only managers and admins see connector accounts");
    }
    Bodies.answer(ctx, 200, accounts.list(), all -> Bodies.list(all, v -> account(v)));
  }

  private void update(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only admins enable or disable connector accounts");
    }
    Boolean enabled = Bodies.optionalBoolean(Bodies.object(ctx), "enabled");
    if (enabled == null) {
      throw new DomainError.Invalid("enabled", "is required (true or false)");
    }
    Bodies.answer(ctx, 200, accounts.setEnabled(ctx.pathParam("name"), enabled, user.username()), v -> account(v));
  }

  private JsonObject account(ConnectorAccounts.View v) {
    JsonObject status = v.status() == null ? new JsonObject() : v.status();
    String state = status.getString("state", v.switched().enabled() ? "starting" : "disabled");
    return new JsonObject().put("name", v.account().name()).put("platform", v.account().platform().code())
        .put("brand", v.account().brand()).put("pollIntervalSeconds", v.account().pollIntervalSeconds())
        .put("enabled", v.problem() == null && v.switched().enabled()).put("runs", v.problem() == null)
        .put("problem", v.problem())
        .put("switch", new JsonObject().put("enabled", v.switched().enabled()).put("changedBy", v.switched().changedBy())
            .put("changedAt", ApiJson.time(v.switched().changedAt())))
        .put("status", new JsonObject().put("state", state).put("detail", status.getString("detail"))
            .put("until", status.getString("until")))
        .put("lag", lag(v, status)).put("rateLimit", rateLimit(v, status, state))
        .put("lastError", ERROR_STATES.contains(state) ? status.getString("detail") : null)
        .put("counts", new JsonObject().put("mentionsRead", status.getLong("mentionsRead", 0L))
            .put("malformedSkipped", status.getLong("malformedSkipped", 0L)))
        .put("budget", status.getJsonObject("budget"));
  }

  /** Since the newest stored mention was posted, and since the last poll (this run's, else the last saved cursor's). */
  private JsonObject lag(ConnectorAccounts.View v, JsonObject status) {
    Instant newest = v.progress() == null ? null : v.progress().newestMentionAt();
    String polled = status.getString("lastPollAt");
    Instant lastPoll = polled != null ? Instant.parse(polled) : v.progress() == null ? null : v.progress().savedAt();
    return new JsonObject().put("newestMentionAt", ApiJson.time(newest)).put("seconds", secondsSince(newest))
        .put("lastPollAt", ApiJson.time(lastPoll)).put("sinceLastPollSeconds", secondsSince(lastPoll));
  }

  /** The platform's limit in force (until when), and the account's own request window from its budget. */
  private static JsonObject rateLimit(ConnectorAccounts.View v, JsonObject status, String state) {
    var budget = v.account().budget();
    return new JsonObject().put("limited", "rate_limited".equals(state))
        .put("until", "rate_limited".equals(state) ? status.getString("until") : null)
        .put("windowSeconds", budget.window() == null ? null : budget.window().toSeconds())
        .put("requestLimit", budget.requests());
  }

  private Long secondsSince(Instant at) {
    return at == null ? null : Math.max(0, Duration.between(at, clock.instant()).toSeconds());
  }
}
