package io.earshot.connector.xv2;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.http.HttpOutcome;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorized JSON calls to X's v2 API: every request carries the account's authorization, a 401
 * renews it once (a refreshed OAuth 2.0 token) and repeats the call, and any other non-2xx
 * becomes a typed failure through {@link XV2Errors}. X's limits are per endpoint and window:
 * when an answer says {@code x-rate-limit-remaining: 0}, the next call to that endpoint fails
 * with RateLimited until {@code x-rate-limit-reset} without being sent (it would only earn a
 * 429). Budget checks stay with the caller, which knows what a call may cost.
 */
final class XV2Http {
  private final WebClient client;
  private final String base;
  private final XAuth auth;
  private final Map<String, Instant> spentUntil = new ConcurrentHashMap<>();

  XV2Http(WebClient client, String base, XAuth auth) {
    this.client = client;
    this.base = base;
    this.auth = auth;
  }

  Future<JsonObject> get(String path, MultiMap query, String what) {
    return send(HttpMethod.GET, path, query, null, what);
  }

  Future<JsonObject> post(String path, JsonObject body, String what) {
    return send(HttpMethod.POST, path, MultiMap.caseInsensitiveMultiMap(), body, what);
  }

  private Future<JsonObject> send(HttpMethod method, String path, MultiMap query, JsonObject body, String what) {
    Instant until = spentUntil.get(what);
    if (until != null && Instant.now().isBefore(until)) {
      return Future.failedFuture(new ConnectorException.RateLimited(what + ": the window's last call was used; X resets it at "
          + until, until));
    }
    return once(method, path, query, body).onSuccess(r -> remember(what, r))
        .compose(r -> r.statusCode() != 401 ? Future.succeededFuture(r)
            : auth.renew().compose(renewed -> renewed ? once(method, path, query, body) : Future.succeededFuture(r)))
        .recover(e -> Future.failedFuture(HttpOutcome.network(e, what)))
        .compose(r -> r.statusCode() / 100 == 2 ? json(r, what) : Future.failedFuture(XV2Errors.failure(r, what)));
  }

  private void remember(String what, HttpResponse<Buffer> r) {
    if ("0".equals(r.getHeader("x-rate-limit-remaining")) && r.statusCode() / 100 == 2) {
      spentUntil.put(what, XV2Errors.resetAt(r));
    }
  }

  private Future<HttpResponse<Buffer>> once(HttpMethod method, String path, MultiMap query, JsonObject body) {
    String url = base + path;
    return auth.header(method, url, query).compose(header -> {
      HttpRequest<Buffer> req = client.requestAbs(method, url).timeout(30_000).putHeader("Authorization", header);
      query.forEach(e -> req.addQueryParam(e.getKey(), e.getValue()));
      return body == null ? req.send() : req.sendJsonObject(body);
    });
  }

  private static Future<JsonObject> json(HttpResponse<Buffer> r, String what) {
    try {
      JsonObject body = r.bodyAsJsonObject();
      return Future.succeededFuture(body == null ? new JsonObject() : body);
    } catch (RuntimeException e) {
      return Future.failedFuture(new ConnectorException.Transient(what + " answered no JSON object", e));
    }
  }
}
