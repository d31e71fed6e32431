package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.auth.Caller;
import io.earshot.auth.AccountAudit;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/session}: sign in (session cookie and CSRF token), who am I, sign out; and
 * {@code /tokens}: one's own personal API tokens (named, listed, revocable), each tied to the
 * session it is made from. Sign-in is
 * the one state-changing route without a session: it takes only a tiny JSON body, and refuses a
 * foreign {@code Origin} so another site cannot sign a browser into an account of its choosing.
 */
final class SessionRoutes {
  private static final int SESSION_SECONDS = 12 * 3600;
  private static final int MAX_TOKEN_NAME = 64;
  private final AuthService auth;
  private final Guards guards;
  private final AccountAudit audit;

  SessionRoutes(AuthService auth, Guards guards, AccountAudit audit) {
    this.auth = auth;
    this.guards = guards;
    this.audit = audit;
  }

  /** The sign-in route; mounted before the authenticator. */
  void mountSignIn(Router api) {
    api.post("/session")
        .handler(ctx -> {
          guards.csrf().rejectForeignOrigin(ctx.request());
          ctx.next();
        })
        .handler(Bodies::requireJson)
        .handler(guards.bodies().read(BodyReader.SIGN_IN_LIMIT, guards.anonymousUploads()))
        .handler(BodyReader::finished)
        .handler(this::login);
  }

  /** The routes that need a caller; mounted after the authenticator and the CSRF guard. */
  void mount(Router api) {
    api.get("/session").handler(this::whoAmI);
    api.delete("/session").handler(this::logout);
    api.post("/tokens").handler(this::createToken);
    api.get("/tokens").handler(this::listTokens);
    api.delete("/tokens/:id").handler(this::revokeToken);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String username = Bodies.requiredString(body, "username");
    String password = Bodies.requiredString(body, "password");
    Bodies.answer(ctx, 200, auth.login(username, password, guards.forwarded().clientAddress(ctx.request()))
        .compose(signedIn -> audit(signedIn.caller(), EventType.SESSION_CREATED).map(signedIn)), signedIn -> {
          ctx.response().addCookie(cookie(ctx, signedIn.secret(), SESSION_SECONDS));
          return session(signedIn.caller());
        });
  }

  private Cookie cookie(RoutingContext ctx, String value, int maxAgeSeconds) {
    return Cookie.cookie(Authenticator.COOKIE, value).setHttpOnly(true).setPath("/")
        .setSameSite(CookieSameSite.STRICT).setSecure(guards.forwarded().secure(ctx.request())).setMaxAge(maxAgeSeconds);
  }

  private void whoAmI(RoutingContext ctx) {
    Bodies.json(ctx, 200, session(Authenticator.caller(ctx)));
  }

  /**
   * The contract's answer: who the server knows, the token this session's requests carry, and
   * whether they must first replace a password an admin set.
   */
  private static JsonObject session(Caller caller) {
    return new JsonObject().put("username", caller.user().username())
        .put("roles", new JsonArray(caller.user().roleCodes())).put("csrfToken", caller.csrfToken())
        .put("mustChangePassword", caller.mustChangePassword());
  }

  /** Ends the credential presented (and a session's tokens); the browser's cookie is cleared. */
  private void logout(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    auth.logout(caller).compose(v -> audit(caller, EventType.SESSION_ENDED)).onSuccess(v -> {
      ctx.response().addCookie(cookie(ctx, "", 0));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** A personal API token for scripts, optionally {@code {"name"}}; shown once, stored only as a digest. */
  private void createToken(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    String name = tokenName(ctx);
    Bodies.answer(ctx, 201, auth.createApiToken(caller, name)
        .compose(token -> audit(caller, EventType.TOKEN_CREATED, name == null ? "unnamed" : "named " + name).map(token)),
        token -> new JsonObject().put("token", token.secret()).put("id", token.id()).put("name", token.name()));
  }

  /** An empty body (what older scripts send) or no {@code name} makes an unnamed token. */
  private static String tokenName(RoutingContext ctx) {
    if (ctx.body().length() == 0) {
      return null;
    }
    String name = Bodies.optionalString(Bodies.object(ctx), "name");
    if (name != null && (name.isBlank() || name.length() > MAX_TOKEN_NAME)) {
      throw new DomainError.Invalid("name", "must be 1 to " + MAX_TOKEN_NAME + " characters");
    }
    return name == null ? null : name.strip();
  }

  /** The caller's own tokens, without secrets: {@code {"items":[{"id","name","createdAt","expiresAt"}],"total"}}. */
  private void listTokens(RoutingContext ctx) {
    Bodies.answer(ctx, 200, auth.tokens(Authenticator.caller(ctx)),
        tokens -> Bodies.list(tokens, t -> new JsonObject().put("id", t.id()).put("name", t.name())
            .put("createdAt", ApiJson.time(t.createdAt())).put("expiresAt", ApiJson.time(t.expiresAt()))));
  }

  /** Ends one of the caller's own tokens (404 for anyone else's), and the live sockets opened with it. */
  private void revokeToken(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    String id = ctx.pathParam("id");
    Bodies.noContent(ctx, auth.revokeToken(caller, id)
        .compose(v -> audit(caller, EventType.TOKEN_REVOKED, "token " + id.substring(0, Math.min(8, id.length())))));
  }

  private Future<Void> audit(Caller caller, EventType type) {
    return audit(caller, type, type.code());
  }

  private Future<Void> audit(Caller caller, EventType type, String detail) {
    String name = caller.user().username();
    return audit.tell(type, name, name, detail);
  }
}
