package io.earshot.web;

import io.earshot.assign.TeamService;
import io.earshot.domain.Team;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/v1/teams}: anyone signed in lists teams (the assign menu offers them); admins create
 * ({@code {"name","members"}}), change ({@code {"members"}}) and delete them.
 */
final class TeamRoutes {
  private static final int MAX_MEMBERS = 500;
  private final TeamService teams;

  TeamRoutes(TeamService teams) {
    this.teams = teams;
  }

  void mount(Router api) {
    api.get("/teams").handler(this::list);
    api.post("/teams").handler(this::create);
    api.patch("/teams/:name").handler(this::change);
    api.delete("/teams/:name").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    Bodies.answer(ctx, 200, teams.list(), all -> Bodies.list(all, t -> json(t)));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String name = Bodies.requiredString(body, "name").strip();
    List<String> members = members(body, false);
    Bodies.answer(ctx, 201, teams.create(Authenticator.user(ctx), name, members), t -> json(t));
  }

  private void change(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    body.fieldNames().stream().filter(f -> !f.equals("members")).findFirst().ifPresent(f -> {
      throw new DomainError.Invalid(f.isBlank() ? "body" : f, "'" + f + "' cannot be changed; give members");
    });
    Bodies.answer(ctx, 200, teams.changeMembers(Authenticator.user(ctx), ctx.pathParam("name"), members(body, true)),
        t -> json(t));
  }

  private void delete(RoutingContext ctx) {
    Bodies.noContent(ctx, teams.delete(Authenticator.user(ctx), ctx.pathParam("name")));
  }

  private static List<String> members(JsonObject body, boolean required) {
    List<String> members = Bodies.optionalStrings(body, "members", MAX_MEMBERS, 64);
    if (members == null && required) {
      throw new DomainError.Invalid("members", "is required: a list of usernames");
    }
    return members == null ? List.of() : members;
  }

  static JsonObject json(Team t) {
    return new JsonObject().put("name", t.name()).put("members", new JsonArray(t.members()))
        .put("version", t.version()).put("createdAt", ApiJson.time(t.createdAt()))
        .put("updatedAt", ApiJson.time(t.updatedAt()));
  }
}
