package io.earshot.demo.sandbox;

import io.earshot.error.DomainError;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The sandbox's public API, the part a connector talks to: {@code GET /api/v1/me},
 * {@code GET /api/v1/mentions}, {@code POST /api/v1/posts}, {@code GET /api/v1/posts?ids=}.
 * See {@link SandboxPlatform} for the full description.
 */
final class SandboxApi {
  static final int MAX_TEXT = 500;
  static final int MAX_PAGE = 200;

  private final SandboxNetwork network;
  private final PublishHold hold;
  private final Supplier<String> baseUrl;

  SandboxApi(SandboxNetwork network, PublishHold hold, Supplier<String> baseUrl) {
    this.network = network;
    this.hold = hold;
    this.baseUrl = baseUrl;
  }

  void mount(Router router) {
    router.get("/api/v1/me").handler(this::me);
    router.get("/api/v1/mentions").handler(this::mentions);
    router.post("/api/v1/posts").handler(this::publish);
    router.get("/api/v1/posts").handler(this::counts);
  }

  private void me(RoutingContext ctx) {
    JsonArray brands = new JsonArray();
    network.brands().forEach(b -> brands.add(SandboxJson.user(b)));
    ctx.json(new JsonObject().put("id", "agency").put("handle", "earshot_sandbox")
        .put("name", "Earshot sandbox brands").put("brands", brands));
  }

  private void mentions(RoutingContext ctx) {
    long sinceId = SandboxRequests.queryNumber(ctx, "since_id", 0, 0, Long.MAX_VALUE);
    int limit = (int) SandboxRequests.queryNumber(ctx, "limit", 50, 1, MAX_PAGE);
    SandboxNetwork.Page page = network.mentionsAfter(sinceId, limit);
    JsonArray items = new JsonArray();
    for (Object item : page.items()) {
      // Raw items are served exactly as injected, so connectors meet real malformed input.
      items.add(item instanceof SandboxPost post ? SandboxJson.post(post, baseUrl.get())
          : ((SandboxNetwork.RawItem) item).json());
    }
    ctx.json(new JsonObject().put("items", items)
        .put("newest_id", Long.toString(page.newestId())).put("has_more", page.more()));
  }

  private void publish(RoutingContext ctx) {
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new DomainError.Invalid("Idempotency-Key", "header is required (1-200 characters)");
    }
    JsonObject body = SandboxRequests.jsonObject(ctx);
    String text = SandboxRequests.string(body, "text", true);
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      throw new DomainError.Invalid("text", "is longer than " + MAX_TEXT + " characters");
    }
    SandboxNetwork.Published published = publish(key, text,
        SandboxRequests.string(body, "in_reply_to_id", false));
    JsonObject answer = new JsonObject().put("id", published.post().id())
        .put("url", SandboxJson.url(published.post(), baseUrl.get()));
    int status = published.replay() ? 200 : 201;
    Runnable respond = () -> ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json").end(answer.encode());
    // Only a first publish can hang: a retry with the same key must learn the id at once.
    if (published.replay() || !hold.tryHold(Vertx.currentContext(), respond)) {
      respond.run();
    }
  }

  private SandboxNetwork.Published publish(String key, String text, String inReplyTo) {
    try {
      return network.publish(key, text, inReplyTo);
    } catch (IllegalArgumentException e) {
      throw new DomainError.NotFound(e.getMessage());
    } catch (IllegalStateException e) {
      throw new DomainError.Conflict(e.getMessage());
    }
  }

  private void counts(RoutingContext ctx) {
    String ids = ctx.queryParams().get("ids");
    if (ids == null || ids.isBlank()) {
      throw new DomainError.Invalid("ids", "is required: comma-separated post ids");
    }
    String[] wanted = ids.split(",");
    if (wanted.length > 100) {
      throw new DomainError.Invalid("ids", "at most 100 ids per request");
    }
    JsonArray items = new JsonArray();
    Arrays.stream(wanted).map(String::trim).distinct().forEach(id ->
        network.counts(id).ifPresent(c -> items.add(SandboxJson.counts(id, c))));
    ctx.json(new JsonObject().put("items", items));
  }
}
