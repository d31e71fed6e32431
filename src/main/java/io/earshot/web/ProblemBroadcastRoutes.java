package io.earshot.web;

import io.earshot.broadcast.BroadcastService;
import io.earshot.broadcast.BroadcastView;
import io.earshot.domain.Engagement;
import io.earshot.problem.Problems;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /problems/{id}/broadcasts}: what was posted and sent about one Problem (each
 * broadcast with its posts, notices and their engagement) and the engagement of all of it
 * together, for the Problem page. Whoever may see the Problem may read it ({@code ProblemAccess}).
 */
final class ProblemBroadcastRoutes {
  private final Problems problems;
  private final BroadcastService broadcasts;

  ProblemBroadcastRoutes(Problems problems, BroadcastService broadcasts) {
    this.problems = problems;
    this.broadcasts = broadcasts;
  }

  void mount(Router api) {
    api.get("/problems/:id/broadcasts").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, problems.problems().get(ctx.pathParam("id"), Authenticator.user(ctx))
        .compose(p -> broadcasts.ofProblem(p.id())), views -> answer(views));
  }

  private static JsonObject answer(List<BroadcastView> views) {
    JsonArray items = new JsonArray();
    Engagement posts = Engagement.none();
    Engagement notices = Engagement.none();
    for (BroadcastView v : views) {
      items.add(BroadcastJson.view(v));
      for (BroadcastView.Post p : v.posts()) {
        if (p.reply() != null && p.reply().engagement() != null) {
          posts = posts.plus(p.reply().engagement());
        }
      }
      notices = notices.plus(v.noticeEngagement());
    }
    return new JsonObject().put("items", items).put("total", items.size())
        .put("engagement", new JsonObject().put("posts", ApiJson.engagement(posts))
            .put("notices", ApiJson.engagement(notices)).put("all", ApiJson.engagement(posts.plus(notices))));
  }
}
