package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.auth.Caller;
import io.earshot.auth.User;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves the caller from a personal API token ({@code Authorization: Bearer …}) or the session
 * cookie and puts the {@link Caller} on the routing context, remembering which of the two it was:
 * only a cookie is sent by a browser on its own, so only cookie requests need the CSRF check.
 */
final class Authenticator {
  static final String COOKIE = "earshot_session";
  private static final String CALLER_KEY = "earshot.caller";
  private static final String VIA_COOKIE_KEY = "earshot.viaCookie";
  private final AuthService auth;

  Authenticator(AuthService auth) {
    this.auth = auth;
  }

  void handle(RoutingContext ctx) {
    auth.authenticate(secretOf(ctx.request())).onSuccess(caller -> {
      ctx.put(CALLER_KEY, caller);
      ctx.put(VIA_COOKIE_KEY, bearer(ctx.request()) == null);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  static String secretOf(HttpServerRequest request) {
    String bearer = bearer(request);
    if (bearer != null) {
      return bearer;
    }
    Cookie cookie = request.getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private static String bearer(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
  }

  static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER_KEY);
  }

  static User user(RoutingContext ctx) {
    Caller caller = caller(ctx);
    return caller == null ? null : caller.user();
  }

  static boolean viaCookie(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(VIA_COOKIE_KEY));
  }
}
