package io.earshot.web;

import io.earshot.problem.DepartmentService;
import io.vertx.core.json.JsonArray;
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
    departments.list().onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(d -> items.add(ProblemJson.department(d)));
      Bodies.json(ctx, 200, new JsonObject().put("items", items).put("total", all.size()));
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    var draft = new DepartmentService.Draft(Bodies.optionalString(body, "id"), Bodies.requiredString(body, "name"),
        Bodies.optionalStrings(body, "members", 500, 64), contact(body));
    departments.create(draft, Authenticator.user(ctx)).onSuccess(d -> Bodies.json(ctx, 201, ProblemJson.department(d)))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    var patch = new DepartmentService.Draft(null, Bodies.optionalString(body, "name"),
        Bodies.optionalStrings(body, "members", 500, 64), contact(body));
    departments.update(ctx.pathParam("id"), patch, Authenticator.user(ctx))
        .onSuccess(d -> Bodies.json(ctx, 200, ProblemJson.department(d))).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    departments.delete(ctx.pathParam("id"), Authenticator.user(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static String contact(JsonObject body) {
    String contact = Bodies.optionalString(body, "contact");
    if (contact != null && contact.length() > 500) {
      throw new io.earshot.error.DomainError.Invalid("contact", "must be at most 500 characters");
    }
    return contact;
  }
}
