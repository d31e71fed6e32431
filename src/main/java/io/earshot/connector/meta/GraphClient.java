package io.earshot.connector.meta;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.budget.Meter;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls to Meta's Graph API with a Page access token, each paid for by the account's budget
 * first, answers turned into JSON or a typed {@link ConnectorException}. Graph reports most
 * failures as HTTP 400 with a numeric {@code code}, so the code decides, not the status: 190,
 * 102, 10 and 200–299 (token or permission) → Unauthorized; 4, 17, 32, 613 and 80001–80014
 * (app, user, Page and Business Use Case throttling) → RateLimited until the usage headers say
 * access returns; 1, 2, {@code is_transient} and 5xx → Transient; anything else → Rejected.
 * The token travels in the Authorization header only, never in a URL, so no log can show it;
 * with the app secret set, every call carries {@code appsecret_proof}. Meta's Threads API
 * ({@code graph.threads.net}) answers with the same error object, so its connector uses this too.
 */
public final class GraphClient {
  private static final long DEFAULT_BACKOFF_SECONDS = 60;
  private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613);
  private final WebClient client;
  private final String root;
  private final String token;
  private final String proof;
  private final Meter meter;

  public GraphClient(Vertx vertx, String baseUrl, String version, String token, String appSecret, Meter meter) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000).setIdleTimeout(60)
        .setUserAgent("Earshot/0.1"));
    this.root = baseUrl.replaceAll("/+$", "") + "/" + version;
    this.token = token;
    this.proof = appSecret == null || appSecret.isBlank() ? null : hmac(token, appSecret);
    this.meter = meter;
  }

  public Future<JsonObject> get(String path, Map<String, String> params) {
    return call(HttpMethod.GET, path, params);
  }

  public Future<JsonObject> post(String path, Map<String, String> params) {
    return call(HttpMethod.POST, path, params);
  }

  public Future<JsonObject> delete(String path) {
    return call(HttpMethod.DELETE, path, Map.of());
  }

  public void close() {
    client.close();
  }

  private Future<JsonObject> call(HttpMethod method, String path, Map<String, String> params) {
    String what = method + " " + path;
    // A write's parameters go in a form body: a reply of 8,000 characters would not fit a URL.
    return meter.beforeCall().compose(v -> method == HttpMethod.POST
            ? request(method, path, Map.of()).sendForm(form(params)) : request(method, path, params).send())
        .recover(e -> Future.failedFuture(e instanceof ConnectorException ? e
            : new ConnectorException.Transient(what + " failed: " + e.getMessage(), e)))
        .compose(r -> answer(r, what));
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path, Map<String, String> params) {
    HttpRequest<Buffer> request = client.requestAbs(method, root + path).bearerTokenAuthentication(token)
        .timeout(30_000);
    params.forEach(request::addQueryParam);
    if (proof != null) {
      request.addQueryParam("appsecret_proof", proof);
    }
    return request;
  }

  private static MultiMap form(Map<String, String> params) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    params.forEach(form::add);
    return form;
  }

  private static Future<JsonObject> answer(HttpResponse<Buffer> r, String what) {
    JsonObject body;
    try {
      body = r.bodyAsJsonObject();
    } catch (RuntimeException notJson) {
      body = null;
    }
    if (r.statusCode() == 200 && body != null && !body.containsKey("error")) {
      return Future.succeededFuture(body);
    }
    return Future.failedFuture(failure(r, body, what));
  }

  static ConnectorException failure(HttpResponse<Buffer> r, JsonObject body, String what) {
    JsonObject error = body == null ? new JsonObject() : body.getJsonObject("error", new JsonObject());
    int code = error.getInteger("code", -1);
    String detail = what + " answered " + r.statusCode() + " (code " + code + "): " + error.getString("message", "");
    if (THROTTLED.contains(code) || (code >= 80001 && code <= 80014) || r.statusCode() == 429) {
      return new ConnectorException.RateLimited(detail, regainAt(r));
    }
    if (code == 190 || code == 102 || code == 10 || (code >= 200 && code <= 299) || r.statusCode() == 401) {
      return new ConnectorException.Unauthorized(detail);
    }
    if (code == 1 || code == 2 || error.getBoolean("is_transient", false) || r.statusCode() >= 500 || body == null) {
      return new ConnectorException.Transient(detail, null);
    }
    return new ConnectorException.Rejected(detail);
  }

  /**
   * When access returns: the largest {@code estimated_time_to_regain_access} (minutes) across the
   * Business Use Case header's entries; a minute's wait when Meta says nothing more precise.
   */
  static Instant regainAt(HttpResponse<Buffer> r) {
    long minutes = 0;
    String buc = r.getHeader("X-Business-Use-Case-Usage");
    try {
      JsonObject byBusiness = buc == null ? new JsonObject() : new JsonObject(buc);
      for (String id : byBusiness.fieldNames()) {
        for (Object use : byBusiness.getJsonArray(id, new JsonArray())) {
          if (use instanceof JsonObject u) {
            minutes = Math.max(minutes, u.getLong("estimated_time_to_regain_access", 0L));
          }
        }
      }
    } catch (RuntimeException unreadable) {
      minutes = 0;
    }
    return Instant.now().plusSeconds(minutes > 0 ? minutes * 60 : DEFAULT_BACKOFF_SECONDS);
  }

  static String hmac(String value, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
