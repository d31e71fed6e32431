package io.earshot.web;

import io.earshot.casework.BulkActions;
import io.earshot.casework.Casework;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Working a case: notes, merging another case in, and one action on many selected cases. */
final class CaseworkRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CaseworkRoutes.class);
  private final Casework casework;

  CaseworkRoutes(Casework casework) {
    this.casework = casework;
  }

  void mount(Router api) {
    api.post("/cases/bulk").handler(this::bulk);
    api.post("/cases/:id/notes").handler(this::note);
    api.post("/cases/:id/merge").handler(this::merge);
  }

  private void note(RoutingContext ctx) {
    String text = Bodies.optionalString(Bodies.object(ctx), "text");
    Bodies.answer(ctx, 201, casework.notes().add(ctx.pathParam("id"), text, Authenticator.user(ctx)),
        CaseworkJson::note);
  }

  private void merge(RoutingContext ctx) {
    String from = Bodies.requiredString(Bodies.object(ctx), "from");
    Bodies.answer(ctx, 200, casework.merger().merge(ctx.pathParam("id"), from.strip(), Authenticator.user(ctx)),
        ApiJson::careCase);
  }

  private void bulk(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    List<String> ids = Bodies.optionalStrings(body, "ids", 1000, 200);
    if (ids == null) {
      throw new DomainError.Invalid("ids", "is required");
    }
    Bodies.answer(ctx, 200, casework.bulk().run(ids, Bodies.requiredString(body, "action"),
        Bodies.optionalString(body, "value"), Authenticator.user(ctx)), CaseworkRoutes::outcomes);
  }

  private static JsonObject outcomes(List<BulkActions.Outcome> outcomes) {
    // A refusal is the caller's to read; anything else is a bug, logged once with its trace.
    outcomes.stream().filter(o -> o.error() != null && !(o.error() instanceof DomainError))
        .forEach(o -> LOG.error("bulk action on case={} failed", o.id(), o.error()));
    return CaseworkJson.bulk(outcomes);
  }
}
