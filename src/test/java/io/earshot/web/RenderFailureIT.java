package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.error.DomainError;
import io.earshot.testing.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How a route answers what its future brings ({@code Bodies.answer}): on a real Vert.x router
 * with the hub's {@code ErrorHandler}, over real HTTP. Every request has a 5 s timeout, so an
 * answer that never comes fails the test instead of hanging it.
 */
@DisplayName("A route's answer, rendered inside its chain")
class RenderFailureIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static Vertx vertx;
  private static HttpServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/fine").handler(ctx -> Bodies.answer(ctx, 201, Future.succeededFuture("tea"),
        v -> new JsonObject().put("drink", v)));
    router.get("/array").handler(ctx -> Bodies.answer(ctx, 200, Future.succeededFuture(2),
        n -> new JsonArray().add(n).add(n)));
    router.get("/render-throws").handler(ctx -> Bodies.answer(ctx, 200, later("case-1"), RenderFailureIT::broken));
    router.get("/unencodable").handler(ctx -> Bodies.answer(ctx, 200, later("x"),
        v -> new JsonObject().put("value", new Object())));
    router.get("/refused").handler(ctx -> Bodies.answer(ctx, 200,
        Future.failedFuture(new DomainError.Invalid("limit", "must be between 1 and 500")), v -> new JsonObject()));
    router.get("/gone").handler(ctx -> Bodies.noContent(ctx, later("done")));
    router.get("/gone-missing").handler(ctx -> Bodies.noContent(ctx,
        Future.failedFuture(new DomainError.NotFound("no such view"))));
    router.route().failureHandler(ErrorHandler::handle);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  /** A value that arrives later, on the event loop, as a store's answer does. */
  private static <T> Future<T> later(T value) {
    return vertx.timer(10).map(id -> value);
  }

  private static JsonObject broken(String id) {
    throw new IllegalStateException("rendering " + id + " failed");
  }

  @Test
  @DisplayName("a render that throws is answered 500 with the error body at once, and logged once with its trace")
  void renderThrows() throws Exception {
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> answer = get("/render-throws");
      assertEquals(500, answer.statusCode(), answer.body());
      JsonObject body = new JsonObject(answer.body());
      assertEquals("internal", body.getString("error_code"), answer.body());
      assertTrue(body.getString("message").contains("server log"), answer.body());
      assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
      List<String> logged = log.containing("GET /render-throws failed");
      assertEquals(1, logged.size(), logged.toString());
      assertTrue(logged.get(0).contains("IllegalStateException: rendering case-1 failed"), logged.get(0));
    }
  }

  @Test
  @DisplayName("a rendered body that cannot be encoded as JSON is answered 500 with the error body too")
  void unencodable() throws Exception {
    HttpResponse<String> answer = get("/unencodable");
    assertEquals(500, answer.statusCode(), answer.body());
    assertEquals("internal", new JsonObject(answer.body()).getString("error_code"), answer.body());
  }

  @Test
  @DisplayName("a refusal is answered with its 4xx naming the field")
  void refused() throws Exception {
    HttpResponse<String> answer = get("/refused");
    assertEquals(400, answer.statusCode(), answer.body());
    JsonObject body = new JsonObject(answer.body());
    assertEquals("invalid", body.getString("error_code"));
    assertEquals("limit", body.getJsonArray("validation_errors").getJsonObject(0).getString("field"));
  }

  @Test
  @DisplayName("what succeeds is answered with its status and rendered body, object or array")
  void fine() throws Exception {
    HttpResponse<String> object = get("/fine");
    assertEquals(201, object.statusCode());
    assertEquals(new JsonObject().put("drink", "tea"), new JsonObject(object.body()));
    assertEquals("application/json", object.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<String> array = get("/array");
    assertEquals(200, array.statusCode());
    assertEquals(new JsonArray().add(2).add(2), new JsonArray(array.body()));
  }

  @Test
  @DisplayName("a route that answers nothing says 204 when done, and its refusal when refused")
  void noContent() throws Exception {
    HttpResponse<String> done = get("/gone");
    assertEquals(204, done.statusCode());
    assertEquals("", done.body());
    HttpResponse<String> missing = get("/gone-missing");
    assertEquals(404, missing.statusCode(), missing.body());
    assertEquals("not_found", new JsonObject(missing.body()).getString("error_code"));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
        .timeout(TIMEOUT).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AssertionError(path + " was not answered within " + TIMEOUT.toSeconds() + " s", e);
    }
  }
}
