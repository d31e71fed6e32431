package io.earshot.web;

import io.earshot.assign.People;
import io.earshot.assign.RoutingPolicies;
import io.earshot.auth.Person;
import io.earshot.domain.routing.BrandRouting;
import io.earshot.domain.routing.RoutingMode;
import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.domain.routing.SkillKind;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto-assignment and who can be assigned: {@code GET/PUT /policies/routing}
 * ({@code {"brands":{"<brand>":{"mode":"off|round_robin|least_load","match":["platform","language",
 * "brand","reason"],"reassignAfterMinutes":n}}}}) and {@code GET /agents} (everyone who can be
 * given a case, with their availability and capacity, for the assign menu).
 */
final class RoutingRoutes {
  private static final int MAX_REASSIGN_MINUTES = 7 * 24 * 60;
  private final RoutingPolicies policies;
  private final People people;

  RoutingRoutes(RoutingPolicies policies, People people) {
    this.policies = policies;
    this.people = people;
  }

  void mount(Router api) {
    api.get("/policies/routing").handler(this::get);
    api.put("/policies/routing").handler(this::put);
    api.get("/agents").handler(this::agents);
  }

  private void get(RoutingContext ctx) {
    Bodies.answer(ctx, 200, policies.get(Authenticator.user(ctx)), p -> json(p));
  }

  private void put(RoutingContext ctx) {
    Object brands = Bodies.object(ctx).getValue("brands");
    if (!(brands instanceof JsonObject all)) {
      throw new DomainError.Invalid("brands", "is required: an object of brand id → {mode, match, reassignAfterMinutes}");
    }
    Map<String, BrandRouting> rules = new HashMap<>();
    all.forEach(e -> rules.put(e.getKey(), rule("brands." + e.getKey(), e.getValue())));
    Bodies.answer(ctx, 200, policies.replace(Authenticator.user(ctx), rules), p -> json(p));
  }

  private static BrandRouting rule(String field, Object value) {
    if (!(value instanceof JsonObject body)) {
      throw new DomainError.Invalid(field, "must be an object with mode, match and reassignAfterMinutes");
    }
    String code = body.getValue("mode") instanceof String s ? s : null;
    RoutingMode mode = code == null ? null : RoutingMode.fromCode(code).orElse(null);
    if (mode == null) {
      throw new DomainError.Invalid(field + ".mode", "must be off, round_robin or least_load");
    }
    try {
      return new BrandRouting(mode, match(field, Bodies.optionalStrings(body, "match", 4, 16)),
          Bodies.optionalInteger(body, "reassignAfterMinutes", 1, MAX_REASSIGN_MINUTES));
    } catch (DomainError.Invalid e) {
      throw new DomainError.Invalid(field + "." + e.field(), e.getMessage());
    }
  }

  private static EnumSet<SkillKind> match(String field, List<String> kinds) {
    EnumSet<SkillKind> match = EnumSet.noneOf(SkillKind.class);
    for (String kind : kinds == null ? List.<String>of() : kinds) {
      match.add(SkillKind.fromCode(kind).orElseThrow(() ->
          new DomainError.Invalid("match", "'" + kind + "' is not one of platform, language, brand, reason")));
    }
    return match;
  }

  private void agents(RoutingContext ctx) {
    Bodies.answer(ctx, 200, people.workers(), all -> Bodies.list(all, p -> agent(p)));
  }

  private static JsonObject agent(Person p) {
    return new JsonObject().put("username", p.username()).put("displayName", p.displayName())
        .put("availability", p.availability() == null ? Person.AWAY : p.availability())
        .put("capacity", p.capacity()).put("skills", new JsonArray(p.skills()));
  }

  static JsonObject json(RoutingPolicy p) {
    JsonObject brands = new JsonObject();
    p.brands().forEach((brand, rule) -> brands.put(brand, new JsonObject().put("mode", rule.mode().code())
        .put("match", new JsonArray(rule.match().stream().map(SkillKind::code).sorted().toList()))
        .put("reassignAfterMinutes", rule.reassignAfterMinutes())));
    return new JsonObject().put("brands", brands).put("version", p.version())
        .put("updatedAt", ApiJson.time(p.updatedAt())).put("updatedBy", p.updatedBy());
  }
}
