package io.earshot.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A signed-in API client for benchmarks: a session cookie, its CSRF token and the hub's origin. */
final class BenchApi {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String cookie;
  private String csrf;

  BenchApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  void signIn(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("username", username).put("password", password).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    csrf = new JsonObject(r.body()).getString("csrfToken");
  }

  JsonObject post(String path, JsonObject body) throws IOException, InterruptedException {
    return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
        .header("X-CSRF-Token", csrf).header("Origin", base).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString()), path);
  }

  JsonObject get(String path) throws IOException, InterruptedException {
    return answer(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString()), path);
  }

  private static JsonObject answer(HttpResponse<String> r, String path) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }
}
