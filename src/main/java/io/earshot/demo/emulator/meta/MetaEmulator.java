package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Surface;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Meta's Graph API on loopback for one Facebook Page and its linked Instagram professional
 * account: nodes, the Page {@code feed} and IG {@code media} edges, comments and replies with
 * {@code after} cursors, replying, hiding and deleting, Graph's error object (HTTP 400 with
 * {@code code}, {@code type}, {@code fbtrace_id}), the usage headers ({@code X-App-Usage},
 * {@code X-Business-Use-Case-Usage}) and webhook deliveries through {@link #webhooks()}. Paths
 * carry a version ({@code /v21.0/...}); the token comes as {@code access_token} or a bearer header.
 */
public final class MetaEmulator extends EmulatorServer {
  public static final String PAGE_TOKEN = "EAAGemulatorPageToken0123456789";
  public static final String APP_SECRET = "meta-emulator-app-secret-5f1c";
  public static final String PAGE_ID = MetaState.PAGE_ID;
  public static final String IG_USER_ID = MetaState.IG_USER_ID;
  public static final String IG_USERNAME = MetaState.IG_USERNAME;
  private final MetaState state;
  private final GraphReads reads;
  private final GraphWrites writes;
  private final MetaWebhookSender webhooks;
  private volatile String validToken = PAGE_TOKEN;

  /** {@code instagram}: scenarios seed comments on IG media; otherwise on Page posts. */
  public MetaEmulator(Vertx vertx, boolean instagram) {
    super(vertx);
    this.state = new MetaState(instagram ? Surface.INSTAGRAM : Surface.FACEBOOK);
    this.reads = new GraphReads(state);
    this.writes = new GraphWrites(state, reads);
    this.webhooks = new MetaWebhookSender(vertx, APP_SECRET);
    state.onComment(webhooks::deliver);
  }

  public MetaWebhookSender webhooks() {
    return webhooks;
  }

  /** Ids of every seeded customer comment still there, oldest first. */
  public List<String> mentionIds() {
    return state.mentionIds();
  }

  public boolean deleteComment(String id) {
    return state.delete(id);
  }

  public void setLikes(String commentId, int likes) {
    Comment c = state.comment(commentId);
    synchronized (state) {
      c.likes = likes;
    }
  }

  public boolean hidden(String commentId) {
    Comment c = state.comment(commentId);
    return c != null && c.hidden;
  }

  /** The brand's replies: {@code id}, {@code parent} (the comment it sits under), {@code text}. */
  public List<JsonObject> posted() {
    return state.brandReplies().stream().map(c -> new JsonObject().put("id", c.id)
        .put("parent", c.parent == null ? null : c.parent.id).put("text", c.text)).toList();
  }

  /**
   * A customer @mentions the brand's Instagram account elsewhere: in the caption of their own post,
   * or ({@code inComment}) in a comment under someone else's post; Meta's {@code mentions} webhook
   * tells of it (if subscribed). Answers the id the mention has in Graph (the media's or the comment's).
   */
  public String seedInstagramMention(String text, boolean inComment) {
    List<String> ids = state.mentionElsewhere(text, inComment);
    webhooks.deliverMention(ids.get(0), inComment ? ids.get(1) : null);
    return ids.get(ids.size() - 1);
  }

  /** The media a mentioning comment sits under. */
  public String mentionMediaOf(String commentId) {
    return state.comment(commentId).post.id;
  }

  /** Every hide, unhide and delete carried out, in order, as {@code "hide <comment id>"}. */
  public List<String> moderations() {
    return state.moderations();
  }

  /** Takes a permission from the Page token ({@code pages_manage_engagement}, {@code instagram_manage_comments}). */
  public void revokePermission(String permission) {
    state.revoke(permission);
  }

  public void grantPermission(String permission) {
    state.grant(permission);
  }

  /** From now on the Page token is refused (code 190), as after a password change or revoked app. */
  public void revokeToken() {
    validToken = "revoked-" + System.nanoTime();
  }

  @Override
  public Future<Void> stop() {
    webhooks.close();
    return super.stop();
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.route("/:version/*").handler(this::authorize);
    router.get("/:version/:id").handler(ctx -> answer(ctx, reads::node));
    router.get("/:version/:id/feed").handler(ctx -> answer(ctx, ask -> reads.posts(ask, Surface.FACEBOOK)));
    router.get("/:version/:id/media").handler(ctx -> answer(ctx, ask -> reads.posts(ask, Surface.INSTAGRAM)));
    router.get("/:version/:id/comments").handler(ctx -> answer(ctx, reads::comments));
    router.get("/:version/:id/replies").handler(ctx -> answer(ctx, reads::comments));
    router.post("/:version/:id/comments").handler(ctx -> answer(ctx, ask -> writes.reply(ask, false)));
    router.post("/:version/:id/replies").handler(ctx -> answer(ctx, ask -> writes.reply(ask, true)));
    router.post("/:version/:id").handler(ctx -> answer(ctx, writes::update));
    router.delete("/:version/:id").handler(ctx -> answer(ctx, writes::delete));
  }

  /**
   * Meta answers throttling with HTTP 400 and a code: 80001 for a Page's Business Use Case,
   * 80002 for Instagram's; the usage header says in whole minutes when access returns.
   */
  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    long minutes = Math.max(1, (resetEpochMillis - System.currentTimeMillis() + 59_999) / 60_000);
    boolean ig = state.seedsTo() == Surface.INSTAGRAM;
    usage(ctx, 100, minutes);
    send(ctx, 400, GraphJson.error(ig ? "Application request limit reached" : "There have been too many calls"
        + " to this Page account. Wait a bit and try again.", "OAuthException", ig ? 80002 : 80001, 2446079));
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    send(ctx, 500, GraphJson.error("An unexpected error has occurred. Please retry your request later.",
        "OAuthException", 2, null));
  }

  private void authorize(RoutingContext ctx) {
    String version = ctx.pathParam("version");
    if (version == null || !version.matches("v\\d+\\.\\d+")) {
      send(ctx, 400, GraphJson.error("Unknown path components: /" + version, "OAuthException", 2500, null));
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.startsWith("Bearer ") ? header.substring(7)
        : ctx.request().getParam("access_token");
    if (token == null) {
      send(ctx, 400, GraphJson.error("An active access token must be used to query information about the current user.",
          "OAuthException", 2500, null));
    } else if (!validToken.equals(token)) {
      send(ctx, 400, GraphJson.error("Error validating access token: The session has been invalidated because the"
          + " user changed their password or Facebook has changed the session for security reasons.",
          "OAuthException", 190, 460));
    } else if (ctx.request().getParam("appsecret_proof") != null
        && !MetaWebhookSender.sign(token.getBytes(java.nio.charset.StandardCharsets.UTF_8), APP_SECRET)
            .equals(ctx.request().getParam("appsecret_proof"))) {
      send(ctx, 400, GraphJson.error("Invalid appsecret_proof provided in the API argument", "GraphMethodException",
          100, null));
    } else {
      usage(ctx, 3, 0);
      ctx.next();
    }
  }

  private void usage(RoutingContext ctx, int percent, long regainMinutes) {
    JsonObject use = new JsonObject().put("call_count", percent).put("total_cputime", 1).put("total_time", 1);
    ctx.response().putHeader("X-App-Usage", use.encode());
    String type = state.seedsTo() == Surface.INSTAGRAM ? "instagram" : "pages";
    JsonObject buc = use.copy().put("type", type).put("estimated_time_to_regain_access", regainMinutes);
    ctx.response().putHeader("X-Business-Use-Case-Usage",
        new JsonObject().put(PAGE_ID, new io.vertx.core.json.JsonArray().add(buc)).encode());
  }

  private void answer(RoutingContext ctx, Function<GraphReads.Ask, JsonObject> handler) {
    Map<String, String> params = new HashMap<>();
    ctx.request().params().forEach(e -> params.put(e.getKey(), e.getValue()));
    JsonObject json = ctx.body() == null || ctx.body().length() == 0 ? null : safeJson(ctx);
    if (json != null) {
      json.forEach(e -> params.putIfAbsent(e.getKey(), String.valueOf(e.getValue())));
    }
    String self = baseUrl() + ctx.request().path() + "?" + selfQuery(params);
    try {
      send(ctx, 200, handler.apply(new GraphReads.Ask(ctx.pathParam("id"), edge(ctx), params, self)));
    } catch (GraphError e) {
      send(ctx, 400, GraphJson.error(e.getMessage(), e.type, e.code, e.subcode));
    }
  }

  private static String edge(RoutingContext ctx) {
    String path = ctx.request().path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Graph's {@code next} links carry the token and every parameter but the cursor. */
  private static String selfQuery(Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach((k, v) -> {
      if (!k.equals("after") && !k.equals("id") && !k.equals("version")) {
        q.append(q.isEmpty() ? "" : "&").append(k).append('=')
            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }

  private static JsonObject safeJson(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
