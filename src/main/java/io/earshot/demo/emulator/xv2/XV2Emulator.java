package io.earshot.demo.emulator.xv2;

import com.twitter.twittertext.TwitterTextParser;
import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.earshot.demo.emulator.x.OAuth1Verifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * X's v2 API on loopback with its real JSON: {@code GET /2/users/me}, owned mentions, recent
 * search, user posts, post lookup, {@code POST /2/tweets}, direct messages ({@link XV2DirectMessages})
 * and {@code POST /2/oauth2/token}
 * (rotating refresh tokens). String ids, fields only when asked ({@link XV2Json}), opaque
 * {@code next_token}s, short pages where deleted posts were, retweets in the mentions timeline,
 * problem documents, x-rate-limit-* headers and 429s. Requests are authorized by an OAuth 2.0
 * bearer token or an OAuth 1.0a signature (the X emulator's consumer and token).
 */
public final class XV2Emulator extends EmulatorServer {
  public static final String CLIENT_ID = "emu-oauth2-client-id";
  public static final String CONSUMER_KEY = io.earshot.demo.emulator.x.XEmulator.CONSUMER_KEY;
  public static final String CONSUMER_SECRET = io.earshot.demo.emulator.x.XEmulator.CONSUMER_SECRET;
  public static final String ACCESS_TOKEN = io.earshot.demo.emulator.x.XEmulator.ACCESS_TOKEN;
  public static final String ACCESS_TOKEN_SECRET = io.earshot.demo.emulator.x.XEmulator.ACCESS_TOKEN_SECRET;
  public static final String BRAND = XV2State.BRAND;
  public static final String BRAND_ID = XV2State.BRAND_ID;
  private final XV2State state = new XV2State();
  private final XV2DirectMessages dms = new XV2DirectMessages(state);
  private final XV2OAuth2 oauth2 = new XV2OAuth2();
  private final OAuth1Verifier oauth1 = new OAuth1Verifier(CONSUMER_KEY, CONSUMER_SECRET);
  private volatile String validOAuth1Token = ACCESS_TOKEN;
  private volatile long lastCallResetMillis;

  public XV2Emulator(Vertx vertx) {
    super(vertx);
  }

  /** A fresh OAuth 2.0 grant's refresh token, as the PKCE authorization would give an admin. */
  public String grantRefreshToken() {
    return oauth2.grant();
  }

  public void accessTokenTtl(Duration ttl) {
    oauth2.accessTtl(ttl);
  }

  public void expireAccessTokens() {
    oauth2.expireAll();
  }

  public int tokenRefreshes() {
    return oauth2.refreshes();
  }

  public void revokeToken() {
    oauth2.revokeAll();
    validOAuth1Token = "revoked-" + System.nanoTime();
  }

  /** The next answer says it was the window's last call ({@code x-rate-limit-remaining: 0}) until {@code window} passed. */
  public void lastCallOfWindow(Duration window) {
    lastCallResetMillis = System.currentTimeMillis() + window.toMillis();
  }

  public String seedMentionAt(String text, Instant createdAt) {
    return state.seedMentionAt(text, createdAt);
  }

  public String seedRetweetOfBrand() {
    return state.seedRetweetOfBrand();
  }

  public String seedKeywordPost(String text) {
    return state.seedKeywordPost(text);
  }

  public boolean deletePost(String id) {
    return state.delete(id);
  }

  public void setCounts(String id, int likes, int reposts, int replies) {
    state.setCounts(id, likes, reposts, replies);
  }

  /** {@code public_metrics.quote_count} and {@code impression_count} of a post. */
  public void setReach(String id, int quotes, int impressions) {
    state.setReach(id, quotes, impressions);
  }

  /** Every post the brand made, as stored ({@code text} with X's @-prefix; {@code source_text}). */
  public List<JsonObject> posted() {
    return state.posted();
  }

  /** Ids of seeded customer mentions not deleted, oldest first. */
  public List<String> mentionIds() {
    return state.mentionIds();
  }

  /** Posts returned by reads so far: what X would bill as post reads. */
  public long postsServed() {
    return state.served();
  }

  /** Direct messages: seeding, the token's DM access, what the brand sent. */
  public XV2DirectMessages dms() {
    return dms;
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.post("/2/oauth2/token").handler(this::token);
    router.route("/2/*").handler(this::authorize);
    router.get("/2/users/me").handler(ctx -> me(ctx));
    router.get("/2/users/:id/mentions").handler(ctx -> timeline(ctx, 5, p -> mentionsBrand(p)));
    router.get("/2/users/:id/tweets").handler(ctx -> timeline(ctx, 5, p -> XV2State.BRAND_ID.equals(p.getString("author_id"))));
    router.get("/2/tweets/search/recent").handler(this::search);
    router.get("/2/tweets").handler(this::lookup);
    router.post("/2/tweets").handler(this::create);
    dms.routes(router);
  }

  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    ctx.response().putHeader("x-rate-limit-limit", "300").putHeader("x-rate-limit-remaining", "0")
        .putHeader("x-rate-limit-reset", String.valueOf((resetEpochMillis + 999) / 1000));
    XV2Json.problem(ctx, 429, "Too Many Requests", "Too Many Requests", "about:blank");
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    XV2Json.problem(ctx, 503, "Service Unavailable", "Service Unavailable", "about:blank");
  }

  private void authorize(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    boolean bearer = header != null && header.startsWith("Bearer ") && oauth2.valid(header.substring(7));
    if (bearer || oauth1.verify(ctx.request(), validOAuth1Token, ACCESS_TOKEN_SECRET)) {
      long last = lastCallResetMillis;
      lastCallResetMillis = 0;
      ctx.response().putHeader("x-rate-limit-limit", "300").putHeader("x-rate-limit-remaining", last > 0 ? "0" : "299")
          .putHeader("x-rate-limit-reset", String.valueOf(last > 0 ? (last + 999) / 1000 : System.currentTimeMillis() / 1000 + 900));
      ctx.next();
    } else {
      XV2Json.problem(ctx, 401, "Unauthorized", "Unauthorized", "about:blank");
    }
  }

  private void token(RoutingContext ctx) {
    String grant = ctx.request().getFormAttribute("grant_type");
    String[] issued = "refresh_token".equals(grant) && CLIENT_ID.equals(ctx.request().getFormAttribute("client_id"))
        ? oauth2.refresh(ctx.request().getFormAttribute("refresh_token")) : null;
    if (issued == null) {
      XV2Json.json(ctx, 400, new JsonObject().put("error", "invalid_request")
          .put("error_description", "Value passed for the token was invalid."));
      return;
    }
    XV2Json.json(ctx, 200, new JsonObject().put("token_type", "bearer").put("expires_in", Long.parseLong(issued[2]))
        .put("access_token", issued[0])
        .put("scope", "tweet.read tweet.write users.read offline.access" + (dms.granted() ? " dm.read dm.write" : ""))
        .put("refresh_token", issued[1]));
  }

  private void me(RoutingContext ctx) {
    Object fields = XV2Json.fields(ctx, "user.fields", false);
    if (fields instanceof String bad) {
      XV2Json.invalid(ctx, "user.fields", "The `user.fields` query parameter value [" + bad + "] is not one of the allowed values");
      return;
    }
    XV2Json.json(ctx, 200, new JsonObject().put("data", XV2Json.user(state.brand(), castSet(fields))));
  }

  /** Mentions and user posts: only the authenticated user's own here, as the brand reads them. */
  private void timeline(RoutingContext ctx, int min, java.util.function.Predicate<JsonObject> keep) {
    if (!XV2State.BRAND_ID.equals(ctx.pathParam("id"))) {
      XV2Json.problem(ctx, 403, "Forbidden", "Only the authenticated user's timelines are emulated",
          "https://api.twitter.com/2/problems/client-forbidden");
      return;
    }
    XV2Request.parse(ctx, min, 100, "pagination_token", state)
        .ifPresent(req -> XV2Json.json(ctx, 200, req.answer(state, p -> keep.test(p) && req.since(p))));
  }

  private void search(RoutingContext ctx) {
    String query = ctx.request().getParam("query");
    if (query == null || query.isBlank()) {
      XV2Json.invalid(ctx, "query", "The `query` query parameter can not be empty");
      return;
    }
    XV2Search search = XV2Search.of(query, state);
    XV2Request.parse(ctx, 10, 100, "next_token", state)
        .ifPresent(req -> XV2Json.json(ctx, 200, req.answer(state, p -> search.matches(p) && req.since(p))));
  }

  /** Deleted or unknown ids come back in {@code errors} beside the found {@code data}, with 200. */
  private void lookup(RoutingContext ctx) {
    List<String> ids = Arrays.stream(ctx.request().getParam("ids", "").split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    Object fields = XV2Json.fields(ctx, "tweet.fields", true);
    if (ids.isEmpty() || ids.size() > 100 || fields instanceof String) {
      XV2Json.invalid(ctx, ids.isEmpty() || ids.size() > 100 ? "ids" : "tweet.fields",
          "ids must hold 1 to 100 post ids; fields must be known");
      return;
    }
    JsonArray data = new JsonArray();
    JsonArray errors = new JsonArray();
    ids.forEach(id -> {
      JsonObject p = state.post(id);
      if (p == null) {
        errors.add(new JsonObject().put("value", id).put("detail", "Could not find tweet with ids: [" + id + "].")
            .put("title", "Not Found Error").put("resource_type", "tweet").put("parameter", "ids")
            .put("resource_id", id).put("type", "https://api.twitter.com/2/problems/resource-not-found"));
      } else {
        data.add(XV2Json.post(p, castSet(fields)));
      }
    });
    state.countServed(data.size());
    JsonObject body = new JsonObject();
    if (!data.isEmpty()) {
      body.put("data", data);
    }
    XV2Json.json(ctx, 200, errors.isEmpty() ? body : body.put("errors", errors));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String text = body == null ? null : body.getString("text");
    JsonObject reply = body == null ? null : body.getJsonObject("reply");
    String inReplyTo = reply == null ? null : reply.getString("in_reply_to_tweet_id");
    if (text == null || text.isBlank()) {
      XV2Json.invalid(ctx, "text", "text must be present and not blank");
    } else if (TwitterTextParser.parseTweet(text).weightedLength > 280) {
      XV2Json.problem(ctx, 403, "Forbidden", "Your Tweet text is too long.", "about:blank");
    } else if (inReplyTo != null && state.post(inReplyTo) == null) {
      XV2Json.problem(ctx, 403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.",
          "about:blank");
    } else {
      JsonObject post = state.create(text, inReplyTo);
      if (post == null) {
        XV2Json.problem(ctx, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.",
            "about:blank");
      } else {
        XV2Json.json(ctx, 201, new JsonObject().put("data", new JsonObject().put("id", post.getString("id"))
            .put("text", post.getString("text")).put("edit_history_tweet_ids", post.getJsonArray("edit_history_tweet_ids"))));
      }
    }
  }

  private boolean mentionsBrand(JsonObject p) {
    JsonArray mentions = p.getJsonObject("entities", new JsonObject()).getJsonArray("mentions", new JsonArray());
    return !XV2State.BRAND_ID.equals(p.getString("author_id")) && mentions.stream()
        .anyMatch(m -> XV2State.BRAND_ID.equals(((JsonObject) m).getString("id")));
  }

  @SuppressWarnings("unchecked")
  static Set<String> castSet(Object fields) {
    return (Set<String>) fields;
  }

  static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }
}
