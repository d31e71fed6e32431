package io.earshot.web;

import io.earshot.error.DomainError;
import io.earshot.problem.AlertService;
import io.earshot.problem.detect.DetectionPolicy;
import io.earshot.problem.detect.Thresholds;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/alerts} (everyone signed in: the banner is on every dashboard) and the
 * detection thresholds, {@code GET|PUT /api/v1/policies/detection}.
 */
final class AlertRoutes {
  private final AlertService alerts;

  AlertRoutes(AlertService alerts) {
    this.alerts = alerts;
  }

  void mount(Router api) {
    api.get("/alerts").handler(this::list);
    api.get("/policies/detection").handler(this::policy);
    api.put("/policies/detection").handler(this::replace);
  }

  private void list(RoutingContext ctx) {
    Authenticator.user(ctx);
    Bodies.answer(ctx, 200, alerts.recent(Bodies.intParam(ctx, "limit", 50, 1, 500)),
        all -> Bodies.list(all, ProblemJson::alert));
  }

  private void policy(RoutingContext ctx) {
    Bodies.answer(ctx, 200, alerts.policy(Authenticator.user(ctx)), ProblemJson::policy);
  }

  private void replace(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    Thresholds defaults = body.getValue("defaults") == null ? Thresholds.DEFAULTS
        : thresholds(object(body, "defaults"), "defaults.");
    Map<String, Thresholds> brands = new HashMap<>();
    JsonObject given = body.getValue("brands") == null ? new JsonObject() : object(body, "brands");
    for (String brand : given.fieldNames()) {
      brands.put(brand, thresholds(object(given, brand), "brands." + brand + "."));
    }
    Bodies.answer(ctx, 200, alerts.replace(new DetectionPolicy(defaults, brands, 0), Authenticator.user(ctx)),
        ProblemJson::policy);
  }

  /** Thresholds from JSON, the defaults filling what is left out; a bad value names its path. */
  private static Thresholds thresholds(JsonObject t, String path) {
    Thresholds d = Thresholds.DEFAULTS;
    try {
      return new Thresholds(integer(t, "windowMinutes", d.windowMinutes(), path), integer(t, "minCount", d.minCount(), path),
          number(t, "ratio", d.ratio(), path), number(t, "floor", d.floor(), path),
          integer(t, "persistSeconds", d.persistSeconds(), path), number(t, "sentimentDrop", d.sentimentDrop(), path));
    } catch (DomainError.Invalid e) {
      throw e.field().startsWith(path) ? e : new DomainError.Invalid(path + e.field(), e.getMessage()
          .substring(e.field().length() + 2));
    }
  }

  private static int integer(JsonObject t, String field, int fallback, String path) {
    Object v = t.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long)) {
      throw new DomainError.Invalid(path + field, "must be a whole number");
    }
    return ((Number) v).intValue();
  }

  private static double number(JsonObject t, String field, double fallback, String path) {
    Object v = t.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n)) {
      throw new DomainError.Invalid(path + field, "must be a number");
    }
    return n.doubleValue();
  }

  private static JsonObject object(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof JsonObject o)) {
      throw new DomainError.Invalid(field, "must be an object");
    }
    return o;
  }
}
