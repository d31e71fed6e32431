package io.earshot.web;

import io.earshot.error.DomainError;
import io.vertx.ext.web.RoutingContext;

/**
 * The request's path and query must decode before any route looks at them. Vert.x decodes both
 * lazily, wherever a route first asks, and a malformed percent-escape ({@code %zz}, a lone
 * {@code %}, {@code %u0041}) then throws from inside route matching: the path answered a bare
 * text 400, the query a 500. Decoding both once, first, turns either into a 400 naming
 * {@code path} or {@code query}, answered here at once: failing the routing context would send
 * the request through failure routing, which matches the same path again.
 */
final class RequestTarget {
  private RequestTarget() {
  }

  static void check(RoutingContext ctx) {
    try {
      ctx.normalizedPath();
    } catch (IllegalArgumentException e) {
      ErrorHandler.refuse(ctx, new DomainError.Invalid("path", "is not a valid URL path: " + shorten(e.getMessage())));
      return;
    }
    try {
      ctx.request().params();
    } catch (IllegalArgumentException e) {
      ErrorHandler.refuse(ctx, new DomainError.Invalid("query", "is not valid percent-encoding: " + shorten(e.getMessage())));
      return;
    }
    ctx.next();
  }

  private static String shorten(String message) {
    String text = message == null ? "malformed" : message;
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
