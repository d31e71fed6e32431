package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.auth.User;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves the caller from the session cookie or a personal API token
 * ({@code Authorization: Bearer …}) and puts the {@link User} on the routing context.
 */
final class Authenticator {
  static final String COOKIE = "earshot_session";
  private static final String USER_KEY = "earshot.user";
  private final AuthService auth;

  Authenticator(AuthService auth) {
    this.auth = auth;
  }

  void handle(RoutingContext ctx) {
    auth.authenticate(secretOf(ctx.request())).onSuccess(user -> {
      ctx.put(USER_KEY, user);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  static String secretOf(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      return header.substring(7).trim();
    }
    Cookie cookie = request.getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  static User user(RoutingContext ctx) {
    return ctx.get(USER_KEY);
  }
}
