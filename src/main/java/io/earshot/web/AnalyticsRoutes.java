package io.earshot.web;

import io.earshot.analytics.AnalyticsService;
import io.earshot.analytics.AnalyticsService.Filter;
import io.earshot.analytics.Overview;
import io.earshot.auth.Role;
import io.earshot.auth.User;
import io.earshot.domain.Platform;
import io.earshot.error.DomainError;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/v1/analytics}: the overview of a range of UTC days ({@code from}, {@code to}, both
 * included; default the last 30 days) for one brand or all and one platform or all, as JSON or as
 * CSV one view at a time. Marketers, managers and admins read it; managers and admins also see
 * per-agent activity. Agents who hold no other role are refused: the figures are for marketing
 * and management, and an agent's own work is in the inbox. Read-only: rollups are written by the
 * analytics listener alone.
 */
final class AnalyticsRoutes {
  private static final int DEFAULT_DAYS = 30;
  private final AnalyticsService analytics;
  private final Clock clock;

  AnalyticsRoutes(AnalyticsService analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  void mount(Router api) {
    api.get("/analytics/overview").handler(this::overview);
    api.get("/analytics/export.csv").handler(this::export);
  }

  private void overview(RoutingContext ctx) {
    boolean agents = reader(ctx);
    Bodies.answer(ctx, 200, analytics.overview(filter(ctx)), o -> AnalyticsJson.overview(o, agents));
  }

  private void export(RoutingContext ctx) {
    boolean agents = reader(ctx);
    AnalyticsCsv.View view = AnalyticsCsv.view(ctx.request().getParam("view"), agents);
    // Rendered inside the chain, so a render that fails is answered by the error handler.
    analytics.overview(filter(ctx)).map(o -> csv(view, o)).onSuccess(file -> send(ctx, file)).onFailure(ctx::fail);
  }

  private record CsvFile(String name, String text) {
  }

  private static CsvFile csv(AnalyticsCsv.View view, Overview o) {
    return new CsvFile("earshot-analytics-" + view.code() + "-" + o.from() + "-" + o.to() + ".csv",
        AnalyticsCsv.render(view, o));
  }

  private static void send(RoutingContext ctx, CsvFile file) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
        .end(file.text());
  }

  /** Refuses who may not read analytics; answers whether the caller also sees per-agent activity. */
  private static boolean reader(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    boolean management = user.hasRole(Role.MANAGER) || user.isAdmin();
    if (!management && !user.hasRole(Role.MARKETER)) {
      throw new DomainError.Forbidden("analytics are for marketers, managers and admins");
    }
    return management;
  }

  private Filter filter(RoutingContext ctx) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate to = day(ctx, "to", today);
    LocalDate from = day(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
    if (from.isAfter(to)) {
      throw new DomainError.Invalid("from", "must not be after to (" + to + ")");
    }
    return new Filter(from, to, text(ctx, "brand"), platform(ctx));
  }

  private static LocalDate day(RoutingContext ctx, String name, LocalDate fallback) {
    String value = text(ctx, name);
    if (value == null) {
      return fallback;
    }
    try {
      // An instant is accepted too; its UTC day is what the rollups count by.
      return value.length() > 10 ? java.time.Instant.parse(value).atZone(ZoneOffset.UTC).toLocalDate()
          : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid(name, "'" + value + "' is not a day (e.g. 2026-05-01) or an ISO-8601 instant");
    }
  }

  private static String platform(RoutingContext ctx) {
    String value = text(ctx, "platform");
    if (value != null && Platform.fromCode(value).isEmpty()) {
      throw new DomainError.Invalid("platform", "unknown platform: " + value);
    }
    return value;
  }

  private static String text(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 100) {
      throw new DomainError.Invalid(name, "must be at most 100 characters");
    }
    return value;
  }
}
