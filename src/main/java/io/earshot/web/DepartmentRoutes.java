package io.earshot.web;

import io.earshot.problem.DepartmentService;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/departments}: everyone signed in reads the list; admins change it. */
final class DepartmentRoutes {
  private final DepartmentService departments;

  DepartmentRoutes(DepartmentService departments) {
    this.departments = departments;
  }

  void mount(Router api) {
    api.get("/departments").handler(this::list);
    api.post("/departments").handler(this::create);
    api.patch("/departments/:id").handler(this::update);
    api.delete("/departments/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, departments.list(), all -> Bodies.list(all, ProblemJson::department));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    var draft = new DepartmentService.Draft(Bodies.optionalString(body, "id"), Bodies.requiredString(body, "name"),
        Bodies.optionalStrings(body, "members", 500, 64), contact(body));
    Bodies.answer(ctx, 201, departments.create(draft, Authenticator.user(ctx)), ProblemJson::department);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    var patch = new DepartmentService.Draft(null, Bodies.optionalString(body, "name"),
        Bodies.optionalStrings(body, "members", 500, 64), contact(body));
    Bodies.answer(ctx, 200, departments.update(ctx.pathParam("id"), patch, Authenticator.user(ctx)),
        ProblemJson::department);
  }

  private void delete(RoutingContext ctx) {
    Bodies.noContent(ctx, departments.delete(ctx.pathParam("id"), Authenticator.user(ctx)));
  }

  private static String contact(JsonObject body) {
    String contact = Bodies.optionalString(body, "contact");
    if (contact != null && contact.length() > 500) {
      throw new io.earshot.error.DomainError.Invalid("contact", "must be at most 500 characters");
    }
    return contact;
  }
}
