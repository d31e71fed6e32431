package io.earshot.web;

import io.earshot.store.EngagementSamples;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The engagement time series of one brand post (a reply, a broadcast post or a notice, by its
 * reply id): {@code GET /replies/{id}/engagement}, oldest sample first. Anyone signed in reads it
 * (marketers too: engagement is theirs to report).
 */
final class EngagementRoutes {
  private final EngagementSamples samples;

  EngagementRoutes(EngagementSamples samples) {
    this.samples = samples;
  }

  void mount(Router api) {
    api.get("/replies/:id/engagement").handler(this::series);
  }

  private void series(RoutingContext ctx) {
    Bodies.answer(ctx, 200, samples.of(ctx.pathParam("id")), list -> Bodies.list(list, EngagementRoutes::sample));
  }

  private static JsonObject sample(EngagementSamples.Sample s) {
    return new JsonObject().put("at", ApiJson.time(s.at())).put("ageSeconds", s.ageSeconds())
        .put("likes", s.likes()).put("reposts", s.reposts()).put("replies", s.replies())
        .put("quotes", s.quotes()).put("impressions", s.impressions());
  }
}
