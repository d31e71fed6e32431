package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.domain.Mention;
import io.earshot.domain.Moderation;
import io.earshot.error.DomainError;
import io.earshot.inbox.InboxService;
import io.earshot.moderation.ModerationService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Moderating customers' comments on their platform: {@code POST /mentions/{id}/moderation}
 * ({@code {"action":"hide"|"unhide"|"delete"}}, brand managers and admins; answers the
 * moderation after) and {@code GET /cases/{id}/moderation} (each mention of the case with its
 * state and the actions the caller may take on it, for the case view's badges and buttons).
 */
final class ModerationRoutes {
  private final ModerationService moderation;
  private final InboxService inbox;

  ModerationRoutes(ModerationService moderation, InboxService inbox) {
    this.moderation = moderation;
    this.inbox = inbox;
  }

  void mount(Router api) {
    api.post("/mentions/:id/moderation").handler(this::moderate);
    api.get("/cases/:id/moderation").handler(this::ofCase);
  }

  private void moderate(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.canApprove()) {
      throw new DomainError.Forbidden("only brand managers and admins hide or delete comments");
    }
    Moderation.Action action = Moderation.Action.fromCode(Bodies.requiredString(Bodies.object(ctx), "action"));
    Bodies.answer(ctx, 200, moderation.moderate(ctx.pathParam("id"), action, user)
        .compose(m -> moderation.deletable(ctx.pathParam("id")).map(deletes -> json(m, actions(user, true, deletes, m)))),
        json -> json);
  }

  private void ofCase(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    Bodies.answer(ctx, 200, inbox.open(ctx.pathParam("id"))
            .compose(d -> moderation.of(d.mentions()).map(all -> items(user, d.mentions(), all))),
        items -> new JsonObject().put("items", items).put("total", items.size()));
  }

  private JsonArray items(User user, List<Mention> thread, Map<String, Moderation> all) {
    JsonArray items = new JsonArray();
    thread.forEach(m -> {
      Moderation state = all.get(m.id());
      items.add(json(state, actions(user, moderation.moderatable(m), moderation.deletable(m), state)));
    });
    return items;
  }

  /** What the caller may do next: nothing to a deleted comment, nor without the role or a platform that can. */
  private static List<String> actions(User user, boolean moderatable, boolean deletable, Moderation m) {
    if (!user.canApprove() || !moderatable || m.state() == Moderation.State.DELETED) {
      return List.of();
    }
    String toggle = m.state() == Moderation.State.HIDDEN ? "unhide" : "hide";
    return deletable ? List.of(toggle, "delete") : List.of(toggle);
  }

  /** {@code mentionId, caseId, platform, state, version, changedBy, changedAt, actions}. */
  static JsonObject json(Moderation m, List<String> actions) {
    return new JsonObject().put("mentionId", m.mentionId()).put("caseId", m.caseId())
        .put("platform", m.platform().code()).put("state", m.state().code()).put("version", m.version())
        .put("changedBy", m.changedBy()).put("changedAt", ApiJson.time(m.changedAt()))
        .put("actions", new JsonArray(actions));
  }
}
