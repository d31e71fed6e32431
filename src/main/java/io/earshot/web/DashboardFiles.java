package io.earshot.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Which static files anyone may fetch: the dashboard's own assets, i.e. the page and the
 * top-level scripts, styles and icons of the webroot, which the sign-in screen needs. Everything
 * else under the webroot (reply templates in {@code templates/}, anything an operator drops
 * there) is served only to a signed-in caller.
 */
final class DashboardFiles {
  private static final Pattern PUBLIC = Pattern.compile("/|/[A-Za-z0-9_-]+\\.(html|js|mjs|css|svg|ico|png|woff2?)");
  private final Authenticator authenticator;

  DashboardFiles(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  void handle(RoutingContext ctx) {
    boolean read = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
    if (read && PUBLIC.matcher(ctx.normalizedPath()).matches()) {
      ctx.next();
    } else {
      authenticator.handle(ctx);
    }
  }
}
