package io.earshot.web;

import io.earshot.auth.Caller;
import io.earshot.auth.Passwords;
import io.earshot.error.DomainError;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Cross-site request forgery defence for cookie sessions. A state-changing request
 * (POST/PUT/PATCH/DELETE) that a session cookie authenticates must come from one of the hub's
 * own origins ({@code Origin}, or {@code Referer} when a browser sends no Origin) and carry the
 * session's synchronizer token in {@value #HEADER}. SameSite cookies alone do not suffice: they
 * do not separate two ports of one host. Bearer-token requests are exempt, since no browser
 * adds that header by itself. Fails with {@link HttpRefusal.CrossSite} (403).
 */
final class CsrfGuard {
  static final String HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> STATE_CHANGING =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private final Forwarded forwarded;

  CsrfGuard(Forwarded forwarded) {
    this.forwarded = forwarded;
  }

  /** Handler after the {@link Authenticator}. */
  void handle(RoutingContext ctx) {
    Caller caller = Authenticator.caller(ctx);
    if (STATE_CHANGING.contains(ctx.request().method()) && caller != null && Authenticator.viaCookie(ctx)) {
      requireOwnOrigin(ctx.request());
      if (!Passwords.sameSecret(ctx.request().getHeader(HEADER), caller.csrfToken())) {
        throw new HttpRefusal.CrossSite(HEADER + ": missing or not this session's token (GET /api/v1/session answers it)");
      }
    }
    ctx.next();
  }

  /** The request must name where it comes from, and that must be the hub itself. */
  void requireOwnOrigin(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    String claimed = origin != null ? origin : request.getHeader("Referer");
    if (claimed == null) {
      throw new HttpRefusal.CrossSite("Origin: a state-changing request must say where it comes from");
    }
    if (!forwarded.ownOrigin(request, claimed)) {
      throw new HttpRefusal.CrossSite((origin != null ? "Origin" : "Referer") + ": '" + shorten(claimed)
          + "' is not this hub; add it to EARSHOT_ALLOWED_ORIGINS if a proxy serves the hub there");
    }
  }

  /** A request that says where it comes from must be the hub; one that says nothing passes (not a browser). */
  void rejectForeignOrigin(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null && !forwarded.ownOrigin(request, origin)) {
      throw new HttpRefusal.CrossSite("Origin: '" + shorten(origin) + "' is not this hub");
    }
  }

  private static String shorten(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
