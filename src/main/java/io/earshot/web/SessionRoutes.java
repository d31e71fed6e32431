package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.error.ApiException;
import io.earshot.store.AuditLog;
import java.time.Clock;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/session}: sign in (session cookie), who am I, sign out. */
final class SessionRoutes {
  private final AuthService auth;
  private final Authenticator authenticator;
  private final AuditLog audit;
  private final Clock clock;

  SessionRoutes(AuthService auth, Authenticator authenticator, AuditLog audit, Clock clock) {
    this.auth = auth;
    this.authenticator = authenticator;
    this.audit = audit;
    this.clock = clock;
  }

  void mount(Router api) {
    api.post("/session").handler(this::login);
    api.get("/session").handler(authenticator::handle).handler(this::whoAmI);
    api.delete("/session").handler(this::logout);
    api.post("/tokens").handler(authenticator::handle).handler(this::createToken);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String username = Bodies.requiredString(body, "username");
    String password = Bodies.requiredString(body, "password");
    auth.login(username, password).compose(secret -> auth.authenticate(secret).map(user -> {
      ctx.response().addCookie(Cookie.cookie(Authenticator.COOKIE, secret).setHttpOnly(true)
          .setPath("/").setSameSite(CookieSameSite.STRICT).setMaxAge(12 * 3600));
      return user;
    })).compose(user -> audit.record(user.username(), "session.created", "user:" + user.username(), null,
        clock.instant()).map(user))
        .onSuccess(user -> Bodies.json(ctx, 200, new JsonObject().put("username", user.username())
        .put("role", user.role().code()))).onFailure(ctx::fail);
  }

  private void whoAmI(RoutingContext ctx) {
    var user = Authenticator.user(ctx);
    Bodies.json(ctx, 200, new JsonObject().put("username", user.username()).put("role", user.role().code()));
  }

  private void logout(RoutingContext ctx) {
    auth.logout(Authenticator.secretOf(ctx.request())).onSuccess(v -> {
      ctx.response().addCookie(Cookie.cookie(Authenticator.COOKIE, "").setPath("/").setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** A personal API token for scripts; shown once, stored only as a digest. */
  private void createToken(RoutingContext ctx) {
    var user = Authenticator.user(ctx);
    if (user == null) {
      throw new ApiException.Unauthenticated("sign in first");
    }
    auth.createApiToken(user.username())
        .compose(token -> audit.record(user.username(), "token.created", "user:" + user.username(), null,
            clock.instant()).map(token))
        .onSuccess(token -> Bodies.json(ctx, 201, new JsonObject().put("token", token)))
        .onFailure(ctx::fail);
  }
}
