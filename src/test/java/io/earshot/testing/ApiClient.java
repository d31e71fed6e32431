package io.earshot.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A blocking HTTP client for tests, speaking the public API like any outside tool would. Signed
 * in with {@link #login}, it behaves like the dashboard: the cookie carries the session, and
 * every state-changing request names the hub as its {@code Origin} and carries the session's
 * CSRF token.
 */
public final class ApiClient {
  private final String baseUrl;
  private final String ingestToken;
  private String csrfToken;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public ApiClient(String baseUrl, String ingestToken) {
    this.baseUrl = baseUrl;
    this.ingestToken = ingestToken;
  }

  /** A response: status, body text and headers. */
  public record Response(int status, String body, Map<String, List<String>> headers) {
    public Response(int status, String body) {
      this(status, body, Map.of());
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
  }

  public Response ingest(String body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/mentions"))
        .header("Authorization", "Bearer " + ingestToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public Response ingestBytes(byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/mentions"))
        .header("Authorization", "Bearer " + ingestToken).header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public Response ingest(JsonArray mentions) {
    return ingest(mentions.encode());
  }

  public ApiClient login(String username, String password) {
    Response r = post("/api/v1/session", new JsonObject().put("username", username).put("password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r);
    }
    csrfToken = r.json().getString("csrfToken");
    return this;
  }

  /** The CSRF token of the session {@link #login} opened, or null. */
  public String csrfToken() {
    return csrfToken;
  }

  /** What the dashboard sends with a state-changing JSON request: type, Origin and (signed in) the CSRF token. */
  public Map<String, String> writeHeaders() {
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json", "Origin", baseUrl));
    if (csrfToken != null) {
      headers.put("X-CSRF-Token", csrfToken);
    }
    return headers;
  }

  /** The hub's own origin, as a browser showing its dashboard would send it. */
  public String origin() {
    return baseUrl;
  }

  /** The session cookie as a {@code Cookie} header value, after {@link #login}. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("earshot_session"))
        .map(c -> c.getName() + "=" + c.getValue()).findFirst().orElseThrow();
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  public Response post(String path, JsonObject body) {
    return send(changing(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  public Response patch(String path, JsonObject body) {
    return send(changing(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  public Response put(String path, JsonObject body) {
    return send(changing(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  public Response delete(String path) {
    return send(changing(path).DELETE().build());
  }

  /**
   * A request exactly as given, with this client's cookies but none of its own headers: no
   * Origin, no CSRF token, no content type unless {@code headers} says so.
   */
  public Response raw(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  private HttpRequest.Builder changing(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Origin", baseUrl);
    return csrfToken == null ? builder : builder.header("X-CSRF-Token", csrfToken);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A mention in the public ingest shape. */
  public static JsonObject mention(String externalId, String authorId, String text) {
    return new JsonObject().put("platform", "sandbox").put("externalId", externalId)
        .put("author", new JsonObject().put("id", authorId).put("handle", "handle_" + authorId)
            .put("name", "Customer " + authorId).put("followers", 120).put("verified", false))
        .put("text", text).put("createdAt", Instant.now().toString());
  }

  /** Polls until the condition holds or the timeout passes; answers whether it held. */
  public static boolean eventually(Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
