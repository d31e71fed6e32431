package io.earshot.demo.emulator.bluesky;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Bluesky PDS/AppView on loopback speaking the XRPC methods the connector uses: sessions
 * (create, refresh, with expirable access tokens), listNotifications, createRecord (TID rkeys;
 * a taken rkey fails with 500 as the reference PDS does today), getRecord and getPosts. Tests
 * script it through the Java API and read {@link #created()}.
 */
public final class BlueskyEmulator extends EmulatorServer {
  public static final String HANDLE = BlueskyState.BRAND_HANDLE;
  public static final String DID = BlueskyState.BRAND_DID;
  public static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
  private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567a-z]{12}$");
  private final BlueskyState state = new BlueskyState();
  private final BlueskySessions sessions = new BlueskySessions();
  private final BlueskyChats chats = new BlueskyChats(DID, state::profileDetailed);

  public BlueskyEmulator(Vertx vertx) {
    super(vertx);
  }

  public boolean deletePost(String uri) {
    return state.delete(uri);
  }

  public void setCounts(String uri, int likes, int reposts, int replies) {
    state.setCounts(uri, likes, reposts, replies);
  }

  /** The post view's {@code quoteCount}. */
  public void setQuotes(String uri, int quotes) {
    state.setQuotes(uri, quotes);
  }

  /** Notification slots handed out by listNotifications so far: what paging cost. */
  public long notificationsServed() {
    return state.served();
  }

  public BlueskySessions sessions() {
    return sessions;
  }

  /** Every post record the brand created, as stored (uri, cid, record). */
  public List<JsonObject> created() {
    return state.created();
  }

  /** The author of seeded post {@code postUri} writes to the brand in chat; the message id. */
  public String seedChatFrom(String postUri, String text) {
    return chats.seed(state.post(postUri).getJsonObject("author"), text);
  }

  /** Every chat message the brand sent (with its {@code convoId}). */
  public List<JsonObject> chatSent() {
    return chats.sent();
  }

  /** Whether the app password may use chat (created with direct-message access). */
  public void chatAccess(boolean allowed) {
    chats.access(allowed);
  }

  /** at-uris of every seeded mention or reply to the brand, oldest first. */
  public List<String> mentionUris() {
    return state.mentionUris();
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.post("/xrpc/com.atproto.server.createSession").handler(this::createSession);
    router.post("/xrpc/com.atproto.server.refreshSession").handler(this::refreshSession);
    router.route("/xrpc/*").handler(this::authorize);
    router.get("/xrpc/app.bsky.notification.listNotifications").handler(this::listNotifications);
    router.post("/xrpc/com.atproto.repo.createRecord").handler(this::createRecord);
    router.get("/xrpc/com.atproto.repo.getRecord").handler(this::getRecord);
    router.get("/xrpc/app.bsky.feed.getPosts").handler(this::getPosts);
    router.get("/xrpc/app.bsky.actor.getProfiles").handler(this::getProfiles);
    router.get("/xrpc/com.atproto.identity.resolveHandle").handler(this::resolveHandle);
    chats.mount(router);
  }

  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    ctx.response().putHeader("ratelimit-limit", "3000").putHeader("ratelimit-remaining", "0")
        .putHeader("ratelimit-reset", String.valueOf((resetEpochMillis + 999) / 1000))
        .putHeader("ratelimit-policy", "3000;w=300");
    error(ctx, 429, "RateLimitExceeded", "Rate Limit Exceeded");
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    error(ctx, 502, "UpstreamFailure", "Upstream Failure");
  }

  private void createSession(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String id = body == null ? null : body.getString("identifier");
    boolean known = HANDLE.equals(id) || DID.equals(id);
    if (!known || !sessions.passwordMatches(body.getString("password"))) {
      error(ctx, 401, "AuthenticationRequired", "Invalid identifier or password");
      return;
    }
    json(ctx, 200, sessions.create().put("did", DID).put("handle", HANDLE).put("active", true));
  }

  private void refreshSession(RoutingContext ctx) {
    JsonObject renewed = sessions.refresh(bearer(ctx));
    if (renewed == null) {
      error(ctx, 400, "ExpiredToken", "Token has expired");
    } else {
      json(ctx, 200, renewed.put("did", DID).put("handle", HANDLE).put("active", true));
    }
  }

  private void authorize(RoutingContext ctx) {
    switch (sessions.check(bearer(ctx))) {
      case VALID -> ctx.next();
      case EXPIRED -> error(ctx, 400, "ExpiredToken", "Token has expired");
      case INVALID -> error(ctx, 401, "InvalidToken", "Bad token scope");
    }
  }

  private void listNotifications(RoutingContext ctx) {
    int limit = Math.min(100, Math.max(1, Integer.parseInt(ctx.request().getParam("limit", "50"))));
    json(ctx, 200, state.page(ctx.request().getParam("cursor"), limit, ctx.queryParam("reasons")));
  }

  private void resolveHandle(RoutingContext ctx) {
    String did = state.resolve(ctx.request().getParam("handle", ""));
    if (did == null) {
      error(ctx, 400, "InvalidRequest", "Unable to resolve handle");
    } else {
      json(ctx, 200, new JsonObject().put("did", did));
    }
  }

  private void createRecord(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    JsonObject record = body == null ? null : body.getJsonObject("record");
    String rkey = body == null ? null : body.getString("rkey");
    String problem = PostRules.problem(body, record, rkey, TID);
    if (problem != null) {
      error(ctx, 400, "InvalidRequest", problem);
      return;
    }
    JsonObject post = state.create(rkey, record);
    if (post == null) {
      error(ctx, 500, "InternalServerError", "Internal Server Error");
      return;
    }
    json(ctx, 200, new JsonObject().put("uri", post.getString("uri")).put("cid", post.getString("cid"))
        .put("validationStatus", "valid"));
  }

  private void getRecord(RoutingContext ctx) {
    String uri = "at://" + ctx.request().getParam("repo") + "/" + ctx.request().getParam("collection")
        + "/" + ctx.request().getParam("rkey");
    JsonObject post = state.post(uri);
    if (post == null) {
      error(ctx, 400, "RecordNotFound", "Could not locate record: " + uri);
    } else {
      json(ctx, 200, new JsonObject().put("uri", uri).put("cid", post.getString("cid"))
          .put("value", post.getJsonObject("record")));
    }
  }

  private void getPosts(RoutingContext ctx) {
    List<String> uris = ctx.queryParam("uris");
    if (uris.size() > 25) {
      error(ctx, 400, "InvalidRequest", "uris must not have more than 25 elements");
      return;
    }
    JsonArray posts = new JsonArray();
    uris.stream().map(state::post).filter(p -> p != null).forEach(posts::add);
    json(ctx, 200, new JsonObject().put("posts", posts));
  }

  private void getProfiles(RoutingContext ctx) {
    List<String> actors = ctx.queryParam("actors");
    if (actors.isEmpty() || actors.size() > 25) {
      error(ctx, 400, "InvalidRequest", "actors must have between 1 and 25 elements");
      return;
    }
    JsonArray profiles = new JsonArray();
    actors.stream().map(state::profileDetailed).filter(p -> p != null).forEach(profiles::add);
    json(ctx, 200, new JsonObject().put("profiles", profiles));
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
  }

  private static void error(RoutingContext ctx, int status, String error, String message) {
    json(ctx, status, new JsonObject().put("error", error).put("message", message));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body.toBuffer());
  }

  /** The record checks a PDS applies to a post before writing it. */
  static final class PostRules {
    private PostRules() {
    }

    static String problem(JsonObject body, JsonObject record, String rkey, Pattern tid) {
      if (record == null || !"app.bsky.feed.post".equals(body.getString("collection"))) {
        return "Input/record and collection app.bsky.feed.post are required";
      }
      if (!DID.equals(body.getString("repo")) && !HANDLE.equals(body.getString("repo"))) {
        return "Input/repo must be the authenticated account";
      }
      if (rkey != null && !tid.matcher(rkey).matches()) {
        return "Invalid record key: " + rkey;
      }
      return PostLexicon.problem(record);
    }
  }
}

