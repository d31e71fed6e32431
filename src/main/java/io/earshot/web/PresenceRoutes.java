package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.error.DomainError;
import io.earshot.presence.PresenceBoard;
import io.earshot.presence.PresenceBoard.Activity;
import io.earshot.store.CaseStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Presence on a case: {@code GET /cases/{id}/presence} and {@code PUT /cases/{id}/presence}
 * ({@code {"state":"viewing|typing|gone"}}), which a dashboard sends every few seconds while it
 * shows the case (and while its agent types). Answers {@code {"caseId","viewing","typing"}}, each a
 * list of {@code {"username","until"}}. Marketers may be seen viewing; only those who reply type.
 */
final class PresenceRoutes {
  private final PresenceBoard presence;
  private final CaseStore cases;

  PresenceRoutes(PresenceBoard presence, CaseStore cases) {
    this.presence = presence;
    this.cases = cases;
  }

  void mount(Router api) {
    api.get("/cases/:id/presence").handler(this::get);
    api.put("/cases/:id/presence").handler(this::put);
  }

  private void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Bodies.answer(ctx, 200, exists(id).compose(v -> presence.of(id)), PresenceBoard::json);
  }

  private void put(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Activity activity = activity(Bodies.optionalString(Bodies.object(ctx), "state"));
    User user = Authenticator.user(ctx);
    if (activity == Activity.TYPING && !user.canWorkCases()) {
      throw new DomainError.Forbidden("a marketer does not reply, so is never typing");
    }
    Bodies.answer(ctx, 200, exists(id).compose(v -> presence.signal(id, user.username(), activity)),
        PresenceBoard::json);
  }

  private static Activity activity(String state) {
    if (state == null) {
      throw new DomainError.Invalid("state", "is required: viewing, typing or gone");
    }
    return switch (state) {
      case "viewing" -> Activity.VIEWING;
      case "typing" -> Activity.TYPING;
      case "gone" -> Activity.GONE;
      default -> throw new DomainError.Invalid("state", "must be viewing, typing or gone");
    };
  }

  private Future<Void> exists(String id) {
    return cases.get(id).compose(c -> c == null ? Future.failedFuture(new DomainError.NotFound("no case " + id))
        : Future.succeededFuture());
  }
}
