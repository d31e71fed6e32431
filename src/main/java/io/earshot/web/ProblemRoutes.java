package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.broadcast.BroadcastService;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.problem.CaseLinks;
import io.earshot.problem.ProblemDetails;
import io.earshot.problem.ProblemLifecycle;
import io.earshot.problem.ProblemStatus;
import io.earshot.problem.Problems;
import io.earshot.problem.Severity;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/problems}: open, list, read (the whole Problem page), change (resolving also
 * resolves its cases), link cases, add notes, and take or decline suggestions. Who may see which
 * Problem is {@code ProblemAccess}'s rule, checked in the services.
 */
final class ProblemRoutes {
  private final Problems problems;
  private final BroadcastService broadcasts;

  ProblemRoutes(Problems problems, BroadcastService broadcasts) {
    this.problems = problems;
    this.broadcasts = broadcasts;
  }

  void mount(Router api) {
    api.get("/problems").handler(this::list);
    api.post("/problems").handler(this::open);
    api.get("/problems/:id").handler(this::get);
    api.patch("/problems/:id").handler(this::change);
    api.post("/problems/:id/cases").handler(this::link);
    api.post("/problems/:id/notes").handler(this::note);
    api.get("/problems/:id/suggestions").handler(this::suggestions);
    api.post("/problems/:id/suggestions/:caseId").handler(this::decide);
  }

  private void list(RoutingContext ctx) {
    String brand = ctx.request().getParam("brand");
    Bodies.answer(ctx, 200,
        problems.problems().list(brand == null || brand.isBlank() ? null : brand, Authenticator.user(ctx)),
        all -> Bodies.list(all, ProblemJson::problem));
  }

  private void open(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String brand = Bodies.optionalString(body, "brand");
    var draft = new ProblemLifecycle.Draft(Bodies.requiredString(body, "title"), brand == null ? "default" : brand,
        Bodies.requiredString(body, "department"), severity(body), List.of(), Bodies.optionalString(body, "fromAlert"));
    List<String> caseIds = Bodies.optionalStrings(body, "caseIds", CaseLinks.MAX_CASES, 100);
    Bodies.answer(ctx, 201,
        problems.problems().open(draft, caseIds == null ? List.of() : caseIds, Authenticator.user(ctx)),
        ProblemJson::linked);
  }

  /** The whole Problem page, with the broadcast its status still offers (none written since it was reached). */
  private void get(RoutingContext ctx) {
    var page = problems.problems().get(ctx.pathParam("id"), Authenticator.user(ctx)).compose(problems.details()::of)
        .compose(d -> broadcasts.aboutProblem(d.problem().id()).map(about -> new Page(d, about)));
    Bodies.answer(ctx, 200, page, ProblemRoutes::page);
  }

  /** A Problem's page and the broadcasts written about it, which decide whether its offer stands. */
  private record Page(ProblemDetails.Detail detail, List<Broadcast> about) {
  }

  private static JsonObject page(Page p) {
    JsonObject answer = ProblemJson.detail(p.detail());
    JsonObject offers = BroadcastOffers.standing(p.detail().problem(), statusSince(p.detail()), p.about());
    return offers == null ? answer : answer.put("offers", offers);
  }

  /** When the Problem reached its status: its newest status change on the timeline, else its opening. */
  private static Instant statusSince(ProblemDetails.Detail d) {
    return d.timeline().stream().filter(e -> e.kind().equals(EventType.PROBLEM_STATUS_CHANGED.code()))
        .map(e -> e.at()).max(Instant::compareTo).orElse(d.problem().createdAt());
  }

  private void change(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String status = Bodies.optionalString(body, "status");
    var patch = new ProblemLifecycle.Patch(status == null ? null : ProblemStatus.fromCode(status, "status"),
        Bodies.optionalString(body, "publicSummary"), Bodies.optionalString(body, "department"), severity(body),
        Bodies.optionalString(body, "title"));
    Bodies.answer(ctx, 200, problems.problems().change(ctx.pathParam("id"), patch, Authenticator.user(ctx)), r -> {
      JsonObject answer = ProblemJson.problem(r.problem()).put("resolvedCases", r.resolvedCases());
      JsonObject offers = BroadcastOffers.after(r.problem(), patch.status());
      return offers == null ? answer : answer.put("offers", offers);
    });
  }

  private void link(RoutingContext ctx) {
    List<String> caseIds = Bodies.optionalStrings(Bodies.object(ctx), "caseIds", CaseLinks.MAX_CASES, 100);
    if (caseIds == null) {
      throw new DomainError.Invalid("caseIds", "is required");
    }
    Bodies.answer(ctx, 200, problems.problems().link(ctx.pathParam("id"), caseIds, Authenticator.user(ctx)),
        ProblemJson::linked);
  }

  private void note(RoutingContext ctx) {
    String text = Bodies.requiredString(Bodies.object(ctx), "text");
    User user = Authenticator.user(ctx);
    Bodies.answer(ctx, 201,
        problems.problems().get(ctx.pathParam("id"), user).compose(p -> problems.timeline().note(p, text, user)),
        ProblemJson::entry);
  }

  private void suggestions(RoutingContext ctx) {
    int limit = Bodies.intParam(ctx, "limit", 20, 1, 100);
    Bodies.answer(ctx, 200, problems.problems().get(ctx.pathParam("id"), Authenticator.user(ctx))
        .compose(p -> problems.suggestions().of(p, limit)),
        found -> Bodies.list(found, ProblemJson::suggestion));
  }

  private void decide(RoutingContext ctx) {
    String decision = Bodies.requiredString(Bodies.object(ctx), "decision");
    String id = ctx.pathParam("id");
    String caseId = ctx.pathParam("caseId");
    User user = Authenticator.user(ctx);
    if (decision.equals("accept")) {
      Bodies.answer(ctx, 200, problems.problems().link(id, List.of(caseId), user).map(l -> {
        if (!l.skipped().isEmpty()) {
          throw new DomainError.Conflict(l.skipped().get(0).get("reason"));
        }
        return l;
      }), ProblemJson::linked);
    } else if (decision.equals("decline")) {
      Bodies.answer(ctx, 200,
          problems.problems().get(id, user).compose(p -> problems.suggestions().decline(p, caseId, user)),
          v -> new JsonObject().put("caseId", caseId).put("decision", "decline"));
    } else {
      throw new DomainError.Invalid("decision", "must be accept or decline");
    }
  }

  private static Severity severity(JsonObject body) {
    String code = Bodies.optionalString(body, "severity");
    return code == null ? null : Severity.fromCode(code, "severity");
  }
}
