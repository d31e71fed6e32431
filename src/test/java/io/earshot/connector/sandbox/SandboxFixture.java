package io.earshot.connector.sandbox;

import io.earshot.connector.ConnectorAccount;
import io.earshot.domain.Platform;
import io.earshot.demo.sandbox.SandboxOptions;
import io.earshot.demo.sandbox.SandboxPlatform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link SandboxPlatform} on a free port plus its test endpoints, for integration tests.
 * {@link #await} blocks the JUnit thread (never an event loop) until a Future completes.
 */
final class SandboxFixture {
  static final String TOKEN = "it-secret-token";

  final Vertx vertx;
  final SandboxPlatform platform;
  final WebClient web;

  private SandboxFixture(Vertx vertx) {
    this.vertx = vertx;
    this.platform = new SandboxPlatform(vertx, SandboxOptions.quiet(TOKEN));
    this.web = WebClient.create(vertx);
  }

  static SandboxFixture start(Vertx vertx) {
    SandboxFixture fixture = new SandboxFixture(vertx);
    await(fixture.platform.start(0));
    return fixture;
  }

  void stop() {
    web.close();
    await(platform.stop());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ConnectorAccount account(String token, Map<String, Object> options) {
    return new ConnectorAccount("sandbox-it", Platform.SANDBOX, true, platform.baseUrl(),
        Map.of("token", token), 2, List.of(), options);
  }

  SandboxConnector connector(Map<String, Object> options) {
    return SandboxConnector.create(vertx, account(TOKEN, options));
  }

  /** Scripts one customer post; answers its id. */
  String mention(String handle, String text, String inReplyTo) {
    JsonObject body = new JsonObject().put("text", text).put("in_reply_to_id", inReplyTo)
        .put("author", new JsonObject().put("handle", handle).put("followers", 250));
    return ops("POST", "/mentions", body).bodyAsJsonObject().getString("id");
  }

  JsonObject rawItems(JsonArray items) {
    return ops("POST", "/raw-items", items).bodyAsJsonObject();
  }

  JsonObject generate(JsonObject body) {
    return ops("POST", "/generate", body).bodyAsJsonObject();
  }

  JsonArray brandPosts() {
    return ops("GET", "/brand-posts", null).bodyAsJsonObject().getJsonArray("items");
  }

  void fault(int status, int count, long resetInSeconds) {
    ops("POST", "/faults", new JsonObject().put("status", status).put("count", count)
        .put("reset_in_seconds", resetInSeconds));
  }

  HttpResponse<Buffer> ops(String method, String path, Object body) {
    var request = web.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method),
        platform.baseUrl() + "/api/v1/sandbox" + path).bearerTokenAuthentication(TOKEN);
    HttpResponse<Buffer> response = await(body == null ? request.send() : request.sendJson(body));
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
          + " " + response.bodyAsString());
    }
    return response;
  }
}
