package io.earshot.web;

import io.earshot.sla.SlaPolicies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The SLA policy ({@code GET|PUT /policies/sla}): agents, managers and admins read it (the
 * dashboard's countdowns need the hours), admins replace it.
 */
final class SlaRoutes {
  private final SlaPolicies policies;

  SlaRoutes(SlaPolicies policies) {
    this.policies = policies;
  }

  void mount(Router api) {
    api.get("/policies/sla").handler(this::read);
    api.put("/policies/sla").handler(this::replace);
  }

  private void read(RoutingContext ctx) {
    Bodies.answer(ctx, 200, policies.read(Authenticator.user(ctx)), SlaPolicyJson::policy);
  }

  private void replace(RoutingContext ctx) {
    if (!Authenticator.user(ctx).isAdmin()) {
      throw new io.earshot.error.DomainError.Forbidden("only an admin changes the SLA policy");
    }
    var body = SlaPolicyJson.body(Bodies.object(ctx));
    Bodies.answer(ctx, 200, policies.replace(body.brands(), body.warnAtPercent(), Authenticator.user(ctx)),
        SlaPolicyJson::policy);
  }
}
