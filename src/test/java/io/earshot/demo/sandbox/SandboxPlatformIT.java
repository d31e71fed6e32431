package io.earshot.demo.sandbox;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The sandbox platform's own HTTP API")
class SandboxPlatformIT {
  private static final String TOKEN = "platform-it-token";
  private SandboxPlatform platform;
  private WebClient web;

  private void start(Vertx vertx, SandboxOptions options) {
    platform = new SandboxPlatform(vertx, options);
    int port = await(platform.start(0));
    assertTrue(port > 0);
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    web.close();
    await(platform.stop());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    var request = web.requestAbs(method, platform.baseUrl() + path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  @DisplayName("every API route, test endpoints included, answers 401 without the right token")
  void tokenIsRequired(Vertx vertx) {
    start(vertx, SandboxOptions.quiet(TOKEN));
    for (String path : new String[] {"/api/v1/me", "/api/v1/mentions", "/api/v1/sandbox/brand-posts"}) {
      HttpResponse<Buffer> none = call(HttpMethod.GET, path, null, null);
      assertEquals(401, none.statusCode(), path);
      assertEquals("Bearer", none.getHeader("WWW-Authenticate"));
      assertEquals("unauthenticated", none.bodyAsJsonObject().getJsonObject("error").getString("code"));
      assertEquals(401, call(HttpMethod.GET, path, TOKEN + "x", null).statusCode(), path);
    }
    assertEquals(7, call(HttpMethod.GET, "/api/v1/me", TOKEN, null).bodyAsJsonObject()
        .getJsonArray("brands").size());
  }

  @Test
  @DisplayName("bad requests get a 4xx naming the problem")
  void badRequestsAreNamed(Vertx vertx) {
    start(vertx, SandboxOptions.quiet(TOKEN));
    HttpResponse<Buffer> badLimit = call(HttpMethod.GET, "/api/v1/mentions?limit=999", TOKEN, null);
    assertEquals(400, badLimit.statusCode());
    assertTrue(badLimit.bodyAsString().contains("limit"));
    HttpResponse<Buffer> noKey = call(HttpMethod.POST, "/api/v1/posts", TOKEN, new JsonObject().put("text", "hi"));
    assertEquals(400, noKey.statusCode());
    assertTrue(noKey.bodyAsString().contains("Idempotency-Key"));
    HttpResponse<Buffer> notJson = await(web.postAbs(platform.baseUrl() + "/api/v1/posts")
        .bearerTokenAuthentication(TOKEN).putHeader("Idempotency-Key", "k")
        .sendBuffer(Buffer.buffer("{oops")));
    assertEquals(400, notJson.statusCode());
    HttpResponse<Buffer> tooLong = await(web.postAbs(platform.baseUrl() + "/api/v1/posts")
        .bearerTokenAuthentication(TOKEN).putHeader("Idempotency-Key", "k2")
        .sendJsonObject(new JsonObject().put("text", "x".repeat(501))));
    assertEquals(400, tooLong.statusCode());
    assertEquals(400, call(HttpMethod.GET, "/api/v1/posts", TOKEN, null).statusCode());
  }

  @Test
  @DisplayName("a post's url opens an HTML page with the customer's text escaped")
  void postPageEscapes(Vertx vertx) {
    start(vertx, SandboxOptions.quiet(TOKEN));
    JsonObject post = call(HttpMethod.POST, "/api/v1/sandbox/mentions", TOKEN, new JsonObject()
        .put("text", "@CartwheelShop <script>alert(1)</script> & more")).bodyAsJsonObject();
    assertTrue(post.getBoolean("in_feed"));
    HttpResponse<Buffer> page = await(web.getAbs(post.getString("url")).send());
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
    assertFalse(page.bodyAsString().contains("<script>"));
  }

  @Test
  @DisplayName("a post mentioning no managed brand stays out of the mentions feed")
  void unrelatedPostsStayOut(Vertx vertx) {
    start(vertx, SandboxOptions.quiet(TOKEN));
    JsonObject post = call(HttpMethod.POST, "/api/v1/sandbox/mentions", TOKEN,
        new JsonObject().put("text", "lovely weather today @someone")).bodyAsJsonObject();
    assertFalse(post.getBoolean("in_feed"));
    assertEquals(0, call(HttpMethod.GET, "/api/v1/mentions", TOKEN, null).bodyAsJsonObject()
        .getJsonArray("items").size());
  }

  @Test
  @DisplayName("in live mode the backlog is there at once and new mentions keep arriving")
  void liveStreamFlows(Vertx vertx) throws InterruptedException {
    start(vertx, new SandboxOptions(TOKEN, true, 25, 99, 50));
    int first = mentionCount();
    assertTrue(first >= 25, "backlog of " + first);
    assertTrue(eventually(Duration.ofSeconds(10), () -> mentionCount() > first + 5), "the stream did not flow");
  }

  private int mentionCount() {
    return call(HttpMethod.GET, "/api/v1/mentions?limit=200", TOKEN, null).bodyAsJsonObject()
        .getJsonArray("items").size();
  }
}
