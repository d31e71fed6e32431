package io.earshot.testing;

import io.earshot.demo.sandbox.SandboxOptions;
import io.earshot.demo.sandbox.SandboxPlatform;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A quiet sandbox platform on its own Vert.x, scripted over its HTTP test endpoints, plus the
 * connector account file that points a hub at it.
 */
public final class SandboxClient implements AutoCloseable {
  private static final String TOKEN = "sandbox-test-token";
  private final Vertx vertx = Vertx.vertx();
  private final SandboxPlatform platform;
  private final HttpClient http = HttpClient.newHttpClient();

  public SandboxClient() {
    platform = new SandboxPlatform(vertx, SandboxOptions.quiet(TOKEN));
    platform.start(0).await();
  }

  /** A connectors directory with one sandbox account polling this platform every second. */
  public Path connectorsDir() {
    try {
      Path dir = TestHub.tempDir("earshot-connectors");
      Files.writeString(dir.resolve("sandbox.json"), new JsonObject().put("name", "sandbox")
          .put("platform", "sandbox").put("enabled", true).put("baseUrl", platform.baseUrl())
          .put("credentials", new JsonObject().put("token", TOKEN)).put("pollIntervalSeconds", 1).encode());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonObject postMention(String handle, String text) {
    return new JsonObject(send("POST", "/api/v1/sandbox/mentions", new JsonObject().put("text", text)
        .put("author", new JsonObject().put("handle", handle).put("followers", 300)).encode()));
  }

  /** A post by a customer whose profile shows {@code name}. */
  public JsonObject postMention(String handle, String name, String text) {
    return new JsonObject(send("POST", "/api/v1/sandbox/mentions", new JsonObject().put("text", text)
        .put("author", new JsonObject().put("handle", handle).put("name", name).put("followers", 300)).encode()));
  }

  /** A customer's answer to an earlier post (a brand reply, for instance). */
  public JsonObject postReply(String handle, String text, String inReplyToId) {
    return new JsonObject(send("POST", "/api/v1/sandbox/mentions", new JsonObject().put("text", text)
        .put("in_reply_to_id", inReplyToId)
        .put("author", new JsonObject().put("handle", handle).put("followers", 300)).encode()));
  }

  public JsonArray brandPosts() {
    return new JsonObject(send("GET", "/api/v1/sandbox/brand-posts", null)).getJsonArray("items");
  }

  /** Adds likes and reposts to one of the brand's posts; its counts after. */
  public JsonObject react(String postId, int likes, int reposts) {
    return new JsonObject(send("POST", "/api/v1/sandbox/posts/" + postId + "/reactions",
        new JsonObject().put("likes", likes).put("reposts", reposts).encode()));
  }

  public JsonObject holdStatus() {
    return new JsonObject(send("GET", "/api/v1/sandbox/publish-hold", null));
  }

  public void armPublishHold() {
    send("POST", "/api/v1/sandbox/publish-hold", "{}");
  }

  public void releasePublishHold() {
    send("DELETE", "/api/v1/sandbox/publish-hold", null);
  }

  private String send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    platform.stop().await();
    vertx.close().await();
  }
}
