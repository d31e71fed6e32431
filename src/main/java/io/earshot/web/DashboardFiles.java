package io.earshot.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.regex.Pattern;

/**
 * Which static files anyone may fetch: the dashboard's own assets, i.e. the page and the
 * top-level scripts, styles and icons of the webroot, which the sign-in screen needs. Everything
 * else under the webroot (reply templates in {@code templates/}, anything an operator drops
 * there) is served only to a signed-in caller.
 */
final class DashboardFiles {
  /** Where the dashboard loads Apache ECharts from: the WebJar's {@code dist/} on the class path. */
  static final String ECHARTS_PATH = "/vendor/echarts/";
  private static final String ECHARTS_JAR_DIR = "META-INF/resources/webjars/echarts/5.3.1/dist";
  private static final Pattern PUBLIC = Pattern.compile("/|/[A-Za-z0-9_-]+\\.(html|js|mjs|css|svg|ico|png|woff2?)");
  private final Authenticator authenticator;

  DashboardFiles(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /**
   * ECharts from its WebJar (a Maven dependency; nothing third-party is copied into the
   * repository), cached by the browser since the path names the version's files.
   */
  static StaticHandler echarts() {
    return StaticHandler.create(ECHARTS_JAR_DIR).setCachingEnabled(true).setMaxAgeSeconds(86_400);
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
