package io.earshot.connector.bluesky;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.HttpOutcome;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An atproto session for one account. Logs in once with the app password, then keeps the
 * access JWT fresh with refreshSession: the PDS rate-limits createSession far more tightly
 * (tens per day) than refreshes, so a poller that logs in again on every expiry gets locked
 * out. Only when the refresh token itself is refused does it log in again.
 */
final class BlueskySession {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskySession.class);
  private final WebClient client;
  private final String base;
  private final String identifier;
  private final String password;
  private final Meter meter;
  private volatile String accessJwt;
  private volatile String refreshJwt;
  private volatile String did;
  private volatile Future<Void> renewing;

  BlueskySession(WebClient client, String base, String identifier, String password, Meter meter) {
    this.client = client;
    this.meter = meter;
    this.base = base;
    this.identifier = identifier;
    this.password = password;
  }

  String did() {
    return did;
  }

  Future<Void> login() {
    JsonObject body = new JsonObject().put("identifier", identifier).put("password", password);
    return meter.beforeCall().compose(v -> client.postAbs(base + "/xrpc/com.atproto.server.createSession")
            .timeout(30_000).sendJsonObject(body))
        .transform(ar -> checked(ar, "createSession"))
        .map(r -> adopt(r.bodyAsJsonObject()));
  }

  /**
   * Sends an authenticated XRPC call built by {@code request}; on an expired or rejected access
   * token it renews the session once and repeats the call.
   */
  Future<HttpResponse<Buffer>> call(Function<String, HttpRequest<Buffer>> request,
                                    Function<HttpRequest<Buffer>, Future<HttpResponse<Buffer>>> send,
                                    String what) {
    Future<Void> ready = accessJwt == null ? renew() : Future.succeededFuture();
    return ready.compose(v -> meter.beforeCall()).compose(v -> send.apply(request.apply(accessJwt)))
        .compose(r -> tokenProblem(r) ? renew().compose(v -> meter.beforeCall())
            .compose(v -> send.apply(request.apply(accessJwt))) : Future.succeededFuture(r))
        .transform(ar -> checked(ar, what));
  }

  private Future<Void> renew() {
    if (renewing == null) {
      // Without a refresh token (never logged in, or login failed earlier) only a login helps.
      Future<Void> attempt = refreshJwt == null ? login()
          : refresh().recover(e -> e instanceof ConnectorException.Unauthorized
              || e instanceof ConnectorException.Rejected ? login() : Future.failedFuture(e));
      renewing = attempt;
      attempt.onComplete(ar -> renewing = null);
      return attempt;
    }
    return renewing;
  }

  private Future<Void> refresh() {
    return meter.beforeCall().compose(v -> client.postAbs(base + "/xrpc/com.atproto.server.refreshSession")
            .timeout(30_000).bearerTokenAuthentication(refreshJwt).send())
        .transform(ar -> checked(ar, "refreshSession"))
        .map(r -> {
          LOG.debug("bluesky session refreshed did={}", did);
          return adopt(r.bodyAsJsonObject());
        });
  }

  private Void adopt(JsonObject session) {
    accessJwt = session.getString("accessJwt");
    refreshJwt = session.getString("refreshJwt");
    did = session.getString("did");
    return null;
  }

  /** The PDS says "ExpiredToken" with 400 (and some deployments 401) when the access JWT aged. */
  private static boolean tokenProblem(HttpResponse<Buffer> r) {
    if (r.statusCode() != 400 && r.statusCode() != 401) {
      return false;
    }
    String error = errorName(r);
    return "ExpiredToken".equals(error) || "InvalidToken".equals(error);
  }

  static String errorName(HttpResponse<Buffer> r) {
    try {
      return r.bodyAsJsonObject().getString("error");
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  static Future<HttpResponse<Buffer>> checked(io.vertx.core.AsyncResult<HttpResponse<Buffer>> ar,
                                              String what) {
    return ar.succeeded() ? HttpOutcome.check(ar.result(), what, BlueskySession::resetOf)
        : Future.failedFuture(HttpOutcome.network(ar.cause(), what));
  }

  /** atproto rate-limit headers carry the window end in epoch seconds. */
  static Instant resetOf(HttpResponse<Buffer> r) {
    String reset = r.getHeader("ratelimit-reset");
    try {
      return reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
