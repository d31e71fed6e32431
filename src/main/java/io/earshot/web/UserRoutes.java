package io.earshot.web;

import com.mongodb.MongoWriteException;
import io.earshot.auth.AuthService;
import io.earshot.auth.Role;
import io.earshot.error.ApiException;
import io.earshot.store.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** {@code POST /api/v1/users}: admins add agents, managers, marketers and other admins. */
final class UserRoutes {
  private static final int MIN_PASSWORD = 10;
  private final AuthService auth;
  private final AuditLog audit;
  private final Clock clock;

  UserRoutes(AuthService auth, AuditLog audit, Clock clock) {
    this.auth = auth;
    this.audit = audit;
    this.clock = clock;
  }

  void mount(Router api) {
    api.post("/users").handler(this::create);
  }

  private void create(RoutingContext ctx) {
    var actor = Authenticator.user(ctx);
    if (!actor.role().isAdmin()) {
      throw new ApiException.Forbidden("only admins manage users");
    }
    JsonObject body = Bodies.object(ctx);
    String username = Bodies.requiredString(body, "username");
    if (!username.matches("[A-Za-z0-9_.-]{2,64}")) {
      throw new ApiException.Invalid("username", "use 2-64 letters, digits, '.', '_' or '-'");
    }
    String password = Bodies.requiredString(body, "password");
    if (password.length() < MIN_PASSWORD) {
      throw new ApiException.Invalid("password", "must be at least " + MIN_PASSWORD + " characters");
    }
    Role role = role(Bodies.requiredString(body, "role"));
    auth.createUser(username, role, password)
        .recover(e -> Future.failedFuture(e instanceof MongoWriteException
            ? new ApiException.Conflict("user '" + username + "' already exists") : e))
        .compose(v -> audit.record(actor.username(), "user.created", "user:" + username, role.code(), clock.instant()))
        .onSuccess(v -> Bodies.json(ctx, 201, new JsonObject().put("username", username).put("role", role.code())))
        .onFailure(ctx::fail);
  }

  private static Role role(String code) {
    try {
      return Role.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new ApiException.Invalid("role", "must be one of agent, manager, marketer, admin");
    }
  }
}
