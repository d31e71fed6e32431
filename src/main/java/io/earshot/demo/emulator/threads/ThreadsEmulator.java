package io.earshot.demo.emulator.threads;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.earshot.demo.emulator.threads.ThreadsState.Media;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Meta's Threads API ({@code graph.threads.net/v1.0}) on loopback for one profile: {@code /me}, the
 * profile's posts and replies, a post's {@code conversation} and {@code replies} with {@code after}
 * cursors and short pages, {@code mentions} with {@code since}, {@code insights}, the publishing
 * limit, two-step replies (a container, then {@code threads_publish}, once) and
 * {@code manage_reply}. Errors are Meta's object with HTTP 400 (190 for a refused token, 4 with
 * the usage header when throttled); the token comes as a bearer header or {@code access_token}.
 */
public final class ThreadsEmulator extends EmulatorServer {
  public static final String TOKEN = "THAAemulatorThreadsUserToken0123456789";
  public static final String USER_ID = ThreadsState.USER_ID;
  public static final String USERNAME = ThreadsState.USERNAME;
  private final ThreadsState state = new ThreadsState();
  private final ThreadsReads reads = new ThreadsReads(state);
  private final ThreadsWrites writes = new ThreadsWrites(state, reads);
  private volatile String validToken = TOKEN;
  private volatile int answersToLose;

  public ThreadsEmulator(Vertx vertx) {
    super(vertx);
  }

  /** Ids of every seeded customer reply and tag still there, oldest first. */
  public List<String> mentionIds() {
    return state.mentionIds();
  }

  /** A customer's post elsewhere that tags the brand; answers its id. */
  public String seedTag(String text) {
    return state.seedTag(text);
  }

  /** The customer deletes their reply: gone from every listing. */
  public boolean deleteReply(String id) {
    return state.delete(id);
  }

  /** The brand's posts, newest first. */
  public List<String> postIds() {
    return state.posts().stream().filter(m -> !m.deleted).map(m -> m.id).toList();
  }

  /** The brand deletes one of its posts (in the Threads app): its replies go with it. */
  public boolean deletePost(String id) {
    return state.delete(id);
  }

  /** The brand's published replies: {@code id}, {@code replyTo} (the media it answers), {@code text}. */
  public List<JsonObject> posted() {
    return state.brandReplies().stream().map(m -> new JsonObject().put("id", m.id)
        .put("replyTo", m.repliedTo == null ? null : m.repliedTo.id).put("text", m.text)).toList();
  }

  public boolean hidden(String id) {
    Media m = state.get(id);
    return m != null && m.hidden;
  }

  /** Every hide and unhide carried out, in order, as {@code "hide <reply id>"}. */
  public List<String> moderations() {
    return state.moderations();
  }

  /** What a brand reply earned, as its insights will say. */
  public void setInsights(String id, long views, long likes, long reposts, long quotes) {
    Media m = state.get(id);
    synchronized (state) {
      m.views = views;
      m.likes = likes;
      m.reposts = reposts;
      m.quotes = quotes;
    }
  }

  /** The replies the profile may publish through the API in 24 hours (Meta's is 1,000). */
  public void replyQuota(int quota) {
    state.replyQuota(quota);
  }

  /** The next {@code count} publishes are carried out, but their answers never arrive (the connection drops). */
  public void loseNextPublishAnswers(int count) {
    answersToLose = count;
  }

  /** From now on the token is refused (code 190), as after the user revoked the app. */
  public void revokeToken() {
    validToken = "revoked-" + System.nanoTime();
  }

  public void revokePermission(String permission) {
    state.revoke(permission);
  }

  public void grantPermission(String permission) {
    state.grant(permission);
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.route("/:version/*").handler(this::authorize);
    router.get("/:version/:id").handler(ctx -> answer(ctx, reads::me));
    router.get("/:version/:id/threads").handler(ctx -> answer(ctx, reads::threads));
    router.post("/:version/:id/threads").handler(ctx -> answer(ctx, writes::container));
    router.post("/:version/:id/threads_publish").handler(this::publish);
    router.get("/:version/:id/threads_publishing_limit").handler(ctx -> answer(ctx, reads::publishingLimit));
    router.get("/:version/:id/replies").handler(ctx -> answer(ctx, reads::replies));
    router.get("/:version/:id/conversation").handler(ctx -> answer(ctx, reads::conversation));
    router.get("/:version/:id/mentions").handler(ctx -> answer(ctx, reads::mentions));
    router.get("/:version/:id/insights").handler(ctx -> answer(ctx, reads::insights));
    router.post("/:version/:id/manage_reply").handler(ctx -> answer(ctx, writes::manageReply));
  }

  /** A lost answer: the reply is published, then the connection closes before the answer is written. */
  private void publish(RoutingContext ctx) {
    if (answersToLose > 0) {
      answersToLose--;
      try {
        writes.publish(ask(ctx));
      } catch (ThreadsError refused) {
        // refused anyway: nothing was published, and the caller still hears nothing
      }
      ctx.request().connection().close();
      return;
    }
    answer(ctx, writes::publish);
  }

  /** Meta throttles with HTTP 400 and code 4; the usage header says in whole minutes when access returns. */
  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    long minutes = Math.max(1, (resetEpochMillis - System.currentTimeMillis() + 59_999) / 60_000);
    usage(ctx, 100, minutes);
    send(ctx, 400, ThreadsJson.error("(#4) Application request limit reached", "OAuthException", 4, 1349210));
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    send(ctx, 500, ThreadsJson.error("An unexpected error has occurred. Please retry your request later.",
        "OAuthException", 2, null));
  }

  private void authorize(RoutingContext ctx) {
    if (!"v1.0".equals(ctx.pathParam("version"))) {
      send(ctx, 400, ThreadsJson.error("Unknown path components: /" + ctx.pathParam("version"), "OAuthException",
          2500, null));
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.startsWith("Bearer ") ? header.substring(7)
        : ctx.request().getParam("access_token");
    if (token == null) {
      send(ctx, 400, ThreadsJson.error("An active access token must be used to query information about the current"
          + " user.", "OAuthException", 2500, null));
    } else if (!validToken.equals(token)) {
      send(ctx, 400, ThreadsJson.error("Error validating access token: The user has not authorized application or"
          + " the session has been invalidated.", "OAuthException", 190, 460));
    } else {
      usage(ctx, 3, 0);
      ctx.next();
    }
  }

  private void usage(RoutingContext ctx, int percent, long regainMinutes) {
    JsonObject use = new JsonObject().put("type", "threads").put("call_count", percent).put("total_cputime", 1)
        .put("total_time", 1).put("estimated_time_to_regain_access", regainMinutes);
    ctx.response().putHeader("X-Business-Use-Case-Usage",
        new JsonObject().put(USER_ID, new JsonArray().add(use)).encode());
  }

  private void answer(RoutingContext ctx, Function<ThreadsReads.Ask, JsonObject> handler) {
    try {
      send(ctx, 200, handler.apply(ask(ctx)));
    } catch (ThreadsError e) {
      send(ctx, 400, ThreadsJson.error(e.getMessage(), e.type, e.code, e.subcode));
    }
  }

  /** Query and form parameters alike (Meta takes both), and the link {@code next} extends. */
  private ThreadsReads.Ask ask(RoutingContext ctx) {
    Map<String, String> params = new HashMap<>();
    ctx.request().params().forEach(e -> params.put(e.getKey(), e.getValue()));
    StringBuilder q = new StringBuilder();
    params.forEach((k, v) -> {
      if (!k.equals("after") && !k.equals("id") && !k.equals("version")) {
        q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return new ThreadsReads.Ask(ctx.pathParam("id"), params, baseUrl() + ctx.request().path() + "?" + q);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
