package io.earshot.demo.sandbox;

import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * Test and operations endpoints under {@code /api/v1/sandbox/}: script exact mentions, inject
 * raw (possibly malformed) feed items, list the brand's posts, hold the next publish, inject
 * faults, drive the generator on demand, and add reactions to a brand post. See {@link SandboxPlatform} for the description.
 */
final class SandboxOpsApi {
  private static final String BASE = "/api/v1/sandbox";

  private final SandboxNetwork network;
  private final MentionGenerator generator;
  private final PublishHold hold;
  private final FaultSwitch faults;
  private final Supplier<String> baseUrl;

  SandboxOpsApi(SandboxNetwork network, MentionGenerator generator, PublishHold hold,
                FaultSwitch faults, Supplier<String> baseUrl) {
    this.network = network;
    this.generator = generator;
    this.hold = hold;
    this.faults = faults;
    this.baseUrl = baseUrl;
  }

  void mount(Router router) {
    router.post(BASE + "/mentions").handler(this::injectMention);
    router.post(BASE + "/raw-items").handler(this::injectRaw);
    router.get(BASE + "/brand-posts").handler(this::brandPosts);
    router.get(BASE + "/publish-hold").handler(this::holdStatus);
    router.post(BASE + "/publish-hold").handler(this::armHold);
    router.delete(BASE + "/publish-hold").handler(this::releaseHold);
    router.post(BASE + "/faults").handler(this::setFaults);
    router.post(BASE + "/generate").handler(this::generate);
    router.post(BASE + "/posts/:id/reactions").handler(this::react);
  }

  /** Adds likes and reposts to one brand post, as its audience would. */
  private void react(RoutingContext ctx) {
    JsonObject body = SandboxRequests.jsonObject(ctx);
    String id = ctx.pathParam("id");
    int likes = (int) SandboxRequests.number(body, "likes", 0, 0, 1_000_000);
    int reposts = (int) SandboxRequests.number(body, "reposts", 0, 0, 1_000_000);
    network.react(id, likes, reposts);
    SandboxNetwork.Counts c = network.counts(id)
        .orElseThrow(() -> new DomainError.Invalid("id", "no brand post " + id));
    ctx.json(new JsonObject().put("id", id).put("likes", c.likes()).put("reposts", c.reposts())
        .put("replies", c.replies()));
  }

  private void injectMention(RoutingContext ctx) {
    JsonObject body = SandboxRequests.jsonObject(ctx);
    String text = SandboxRequests.string(body, "text", true);
    SandboxUser author = author(body.getValue("author"));
    String lang = SandboxRequests.string(body, "lang", false);
    try {
      SandboxPost post = network.post(author, text,
          SandboxRequests.string(body, "in_reply_to_id", false), lang == null ? "en" : lang,
          network.now());
      ctx.response().setStatusCode(201);
      ctx.json(SandboxJson.post(post, baseUrl.get()).put("in_feed", post.isMention()));
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("in_reply_to_id", e.getMessage());
    }
  }

  private SandboxUser author(Object value) {
    if (value == null) {
      return network.customer("sandbox_tester", "Sandbox Tester", 120, false);
    }
    if (!(value instanceof JsonObject a)) {
      throw new DomainError.Invalid("author", "must be an object");
    }
    String handle = SandboxRequests.string(a, "handle", true);
    if (!handle.matches("[A-Za-z0-9_]{2,30}")) {
      throw new DomainError.Invalid("author.handle", "must be 2-30 letters, digits or _");
    }
    String name = SandboxRequests.string(a, "name", false);
    long followers = SandboxRequests.number(a, "followers", 100, 0, 1_000_000_000L);
    try {
      return network.customer(handle, name == null ? handle : name, followers,
          a.getBoolean("verified", false));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new DomainError.Invalid("author", e.getMessage());
    }
  }

  private void injectRaw(RoutingContext ctx) {
    JsonArray items = SandboxRequests.jsonArray(ctx);
    JsonArray positions = new JsonArray();
    items.forEach(item -> positions.add(Long.toString(network.injectRaw(item))));
    ctx.response().setStatusCode(201);
    ctx.json(new JsonObject().put("positions", positions));
  }

  private void brandPosts(RoutingContext ctx) {
    JsonArray items = new JsonArray();
    network.brandPosts().forEach(p -> items.add(SandboxJson.post(p, baseUrl.get())
        .put("idempotency_key", p.idempotencyKey())));
    ctx.json(new JsonObject().put("items", items));
  }

  private void holdStatus(RoutingContext ctx) {
    ctx.json(new JsonObject().put("armed", hold.armed()).put("held", hold.heldCount()));
  }

  private void armHold(RoutingContext ctx) {
    hold.arm();
    holdStatus(ctx);
  }

  private void releaseHold(RoutingContext ctx) {
    ctx.json(new JsonObject().put("released", hold.release()));
  }

  private void setFaults(RoutingContext ctx) {
    JsonObject body = SandboxRequests.jsonObject(ctx);
    int status = (int) SandboxRequests.number(body, "status", 503, 400, 599);
    int count = (int) SandboxRequests.number(body, "count", 1, 0, 10_000);
    long reset = SandboxRequests.number(body, "reset_in_seconds", 60, 0, 86_400);
    faults.set(status, count, reset);
    ctx.json(new JsonObject().put("status", status).put("count", count));
  }

  /** Writes {@code count} generated mentions now, optionally starting with an incident. */
  private void generate(RoutingContext ctx) {
    JsonObject body = SandboxRequests.jsonObject(ctx);
    int count = (int) SandboxRequests.number(body, "count", 1, 0, 5_000);
    long reactRounds = SandboxRequests.number(body, "react_rounds", 0, 0, 1_000);
    JsonArray ids = new JsonArray();
    // The live timer uses the same generator; its random source is not thread-safe.
    synchronized (generator) {
      if (Boolean.TRUE.equals(body.getValue("incident"))) {
        generator.startIncident();
      }
      for (int i = 0; i < count; i++) {
        ids.add(generator.emit().post().id());
      }
      for (long i = 0; i < reactRounds; i++) {
        generator.react();
      }
    }
    ctx.response().setStatusCode(201);
    ctx.json(new JsonObject().put("generated", count).put("ids", ids));
  }
}
