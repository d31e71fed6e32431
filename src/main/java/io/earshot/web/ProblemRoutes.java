package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.broadcast.BroadcastService;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.problem.CaseLinks;
import io.earshot.problem.ProblemDetails;
import io.earshot.problem.ProblemLifecycle;
import io.earshot.problem.ProblemStatus;
import io.earshot.problem.Problems;
import io.earshot.problem.Severity;
import io.vertx.core.json.JsonArray;
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
    problems.problems().list(brand == null || brand.isBlank() ? null : brand, Authenticator.user(ctx)).onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(p -> items.add(ProblemJson.problem(p)));
      Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", all.size()));
    }).onFailure(ctx::fail);
  }

  private void open(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String brand = Bodies.optionalString(body, "brand");
    var draft = new ProblemLifecycle.Draft(Bodies.requiredString(body, "title"), brand == null ? "default" : brand,
        Bodies.requiredString(body, "department"), severity(body), List.of(), Bodies.optionalString(body, "fromAlert"));
    List<String> caseIds = Bodies.optionalStrings(body, "caseIds", CaseLinks.MAX_CASES, 100);
    problems.problems().open(draft, caseIds == null ? List.of() : caseIds, Authenticator.user(ctx))
        .onSuccess(l -> Bodies.json(ctx, 201, ProblemJson.linked(l))).onFailure(ctx::fail);
  }

  /** The whole Problem page, with the broadcast its status still offers (none written since it was reached). */
  private void get(RoutingContext ctx) {
    problems.problems().get(ctx.pathParam("id"), Authenticator.user(ctx)).compose(problems.details()::of)
        .compose(d -> broadcasts.aboutProblem(d.problem().id()).map(about -> {
          JsonObject answer = ProblemJson.detail(d);
          JsonObject offers = BroadcastOffers.standing(d.problem(), statusSince(d), about);
          return offers == null ? answer : answer.put("offers", offers);
        }))
        .onSuccess(answer -> Bodies.json(ctx, 200, answer)).onFailure(ctx::fail);
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
    problems.problems().change(ctx.pathParam("id"), patch, Authenticator.user(ctx)).onSuccess(r -> {
      JsonObject answer = ProblemJson.problem(r.problem()).put("resolvedCases", r.resolvedCases());
      JsonObject offers = BroadcastOffers.after(r.problem(), patch.status());
      if (offers != null) {
        answer.put("offers", offers);
      }
      Bodies.json(ctx, 200, answer);
    }).onFailure(ctx::fail);
  }

  private void link(RoutingContext ctx) {
    List<String> caseIds = Bodies.optionalStrings(Bodies.object(ctx), "caseIds", CaseLinks.MAX_CASES, 100);
    if (caseIds == null) {
      throw new DomainError.Invalid("caseIds", "is required");
    }
    problems.problems().link(ctx.pathParam("id"), caseIds, Authenticator.user(ctx))
        .onSuccess(l -> Bodies.json(ctx, 200, ProblemJson.linked(l))).onFailure(ctx::fail);
  }

  private void note(RoutingContext ctx) {
    String text = Bodies.requiredString(Bodies.object(ctx), "text");
    User user = Authenticator.user(ctx);
    problems.problems().get(ctx.pathParam("id"), user).compose(p -> problems.timeline().note(p, text, user))
        .onSuccess(e -> Bodies.json(ctx, 201, ProblemJson.entry(e))).onFailure(ctx::fail);
  }

  private void suggestions(RoutingContext ctx) {
    int limit = Bodies.intParam(ctx, "limit", 20, 1, 100);
    problems.problems().get(ctx.pathParam("id"), Authenticator.user(ctx))
        .compose(p -> problems.suggestions().of(p, limit)).onSuccess(found -> {
          JsonArray items = new JsonArray();
          found.forEach(s -> items.add(ProblemJson.suggestion(s)));
          Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", found.size()));
        }).onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    String decision = Bodies.requiredString(Bodies.object(ctx), "decision");
    String id = ctx.pathParam("id");
    String caseId = ctx.pathParam("caseId");
    User user = Authenticator.user(ctx);
    if (decision.equals("accept")) {
      problems.problems().link(id, List.of(caseId), user).onSuccess(l -> {
        if (!l.skipped().isEmpty()) {
          ctx.fail(new DomainError.Conflict(l.skipped().get(0).get("reason")));
          return;
        }
        Bodies.json(ctx, 200, ProblemJson.linked(l));
      }).onFailure(ctx::fail);
    } else if (decision.equals("decline")) {
      problems.problems().get(id, user).compose(p -> problems.suggestions().decline(p, caseId, user))
          .onSuccess(v -> Bodies.json(ctx, 200, new JsonObject().put("caseId", caseId).put("decision", "decline")))
          .onFailure(ctx::fail);
    } else {
      throw new DomainError.Invalid("decision", "must be accept or decline");
    }
  }

  private static Severity severity(JsonObject body) {
    String code = Bodies.optionalString(body, "severity");
    return code == null ? null : Severity.fromCode(code, "severity");
  }
}
