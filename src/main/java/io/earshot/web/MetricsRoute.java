package io.earshot.web;

import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the hub's metrics in the Prometheus text format, for a scraper holding
 * the metrics token ({@code Authorization: Bearer …}, compared in constant time). Without a
 * configured token the endpoint does not exist (404): the figures name accounts and volumes,
 * which are nobody's business by default.
 */
final class MetricsRoute {
  private final Supplier<Future<String>> scrape;
  private final String contentType;
  private final byte[] token;

  MetricsRoute(Supplier<Future<String>> scrape, String contentType, String token) {
    this.scrape = scrape;
    this.contentType = contentType;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void handle(RoutingContext ctx) {
    if (token == null) {
      throw new DomainError.NotFound("metrics are off: set EARSHOT_METRICS_TOKEN to turn GET /metrics on");
    }
    String header = ctx.request().getHeader("Authorization");
    String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : "";
    if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      throw new DomainError.Unauthenticated("a valid metrics token is required (Authorization: Bearer …)");
    }
    scrape.get().onSuccess(text -> ctx.response().putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-store").end(text)).onFailure(ctx::fail);
  }
}
