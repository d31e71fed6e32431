package io.earshot.demo.emulator.x;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * X's v1.1 REST API on loopback, as Twitter4J calls it: verify_credentials, mentions_timeline,
 * user_timeline, search/tweets, statuses/update (with the duplicate-status rule, error 187) and
 * statuses/lookup, x-rate-limit-* headers and v1.1 error bodies. OAuth 1.0a HMAC-SHA1
 * signatures are verified against the emulator's consumer and token secrets.
 */
public final class XEmulator extends EmulatorServer {
  public static final String CONSUMER_KEY = "emu-consumer-key";
  public static final String CONSUMER_SECRET = "emu-consumer-secret";
  public static final String ACCESS_TOKEN = "783214-emu-access-token";
  public static final String ACCESS_TOKEN_SECRET = "emu-access-token-secret";
  public static final String BRAND = XState.BRAND;
  private final OAuth1Verifier oauth = new OAuth1Verifier(CONSUMER_KEY, CONSUMER_SECRET);
  private final XState state = new XState();
  private volatile String validToken = ACCESS_TOKEN;

  public XEmulator(Vertx vertx) {
    super(vertx);
  }

  public String seedMentionAt(String text, java.time.Instant createdAt) {
    return state.seedMentionAt(text, createdAt);
  }

  public String seedRetweetOfBrand() {
    return state.seedRetweetOfBrand();
  }

  public String seedKeywordTweet(String text) {
    return state.seedKeywordTweet(text);
  }

  public boolean deleteTweet(String id) {
    return state.delete(id);
  }

  public void setCounts(String id, int favorites, int retweets) {
    state.setCounts(id, favorites, retweets);
  }

  public void revokeToken() {
    validToken = "revoked-" + System.nanoTime();
  }

  /** Every tweet the brand posted, as stored (text includes the auto-populated @reply prefix). */
  public List<JsonObject> posted() {
    return state.posted();
  }

  public List<String> mentionIds() {
    return state.mentionIds();
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.route("/1.1/*").handler(this::authorize);
    router.get("/1.1/account/verify_credentials.json").handler(ctx -> json(ctx, 200, state.brand()));
    // Retweets of the brand's posts name it ("RT @BrandSupport: …"), so the mentions timeline has them.
    router.get("/1.1/statuses/mentions_timeline.json").handler(ctx -> timeline(ctx, 200,
        t -> XState.mentionsBrand(t) && !byBrand(t)));
    router.get("/1.1/statuses/user_timeline.json").handler(ctx -> timeline(ctx, 200, XEmulator::byBrand));
    router.get("/1.1/search/tweets.json").handler(this::search);
    router.post("/1.1/statuses/update.json").handler(this::update);
    router.get("/1.1/statuses/lookup.json").handler(this::lookup);
  }

  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    ctx.response().putHeader("x-rate-limit-limit", "75").putHeader("x-rate-limit-remaining", "0")
        .putHeader("x-rate-limit-reset", String.valueOf((resetEpochMillis + 999) / 1000));
    error(ctx, 429, 88, "Rate limit exceeded");
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    error(ctx, 503, 130, "Over capacity");
  }

  private void authorize(RoutingContext ctx) {
    if (oauth.verify(ctx.request(), validToken, ACCESS_TOKEN_SECRET)) {
      ctx.response().putHeader("x-rate-limit-limit", "75").putHeader("x-rate-limit-remaining", "74")
          .putHeader("x-rate-limit-reset", String.valueOf(System.currentTimeMillis() / 1000 + 900));
      ctx.next();
    } else {
      error(ctx, 401, 89, "Invalid or expired token.");
    }
  }

  private void timeline(RoutingContext ctx, int maxCount, Predicate<JsonObject> filter) {
    int count = Math.min(maxCount, Math.max(1, (int) num(ctx, "count", 20)));
    JsonArray page = state.timeline(filter, opt(ctx, "since_id"), opt(ctx, "max_id"), count);
    ctx.response().putHeader("Content-Type", "application/json").end(page.encode());
  }

  /** Matches any OR-ed term of the query, case-insensitively; operators are ignored. */
  private void search(RoutingContext ctx) {
    List<String> terms = Arrays.stream(ctx.request().getParam("q", "").split("\\s+"))
        .map(t -> t.replaceAll("[()\"]", "").toLowerCase(Locale.ROOT))
        .filter(t -> !t.isEmpty() && !t.equals("or") && !t.startsWith("-") && !t.contains(":")).toList();
    int count = Math.min(100, Math.max(1, (int) num(ctx, "count", 15)));
    Predicate<JsonObject> matches = t -> t.getJsonObject("user") != null
        && terms.stream().anyMatch(term -> t.getString("source_text").toLowerCase(Locale.ROOT).contains(term));
    JsonArray statuses = state.timeline(matches, opt(ctx, "since_id"), opt(ctx, "max_id"), count);
    JsonObject meta = new JsonObject().put("count", count).put("query", ctx.request().getParam("q"))
        .put("max_id", statuses.isEmpty() ? 0 : statuses.getJsonObject(0).getLong("id"))
        .put("since_id", num(ctx, "since_id", 0)).put("completed_in", 0.01);
    json(ctx, 200, new JsonObject().put("statuses", statuses).put("search_metadata", meta));
  }

  private void update(RoutingContext ctx) {
    String text = ctx.request().getParam("status");
    Long inReplyTo = opt(ctx, "in_reply_to_status_id");
    if (text == null || text.isBlank()) {
      error(ctx, 400, 170, "Missing required parameter: status.");
    } else if (com.twitter.twittertext.TwitterTextParser.parseTweet(text).weightedLength > 280) {
      error(ctx, 403, 186, "Tweet needs to be a bit shorter.");
    } else if (inReplyTo != null && state.tweet(inReplyTo) == null) {
      error(ctx, 403, 385, "You attempted to reply to a Tweet that is deleted or not visible to you.");
    } else {
      JsonObject tweet = state.post(text, inReplyTo, "true".equals(ctx.request().getParam("auto_populate_reply_metadata")));
      if (tweet == null) {
        error(ctx, 403, 187, "Status is a duplicate.");
      } else {
        json(ctx, 200, tweet);
      }
    }
  }

  private void lookup(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    Arrays.stream(ctx.request().getParam("id", "").split(",")).filter(s -> !s.isBlank()).limit(100)
        .map(s -> state.tweet(Long.parseLong(s.trim()))).filter(t -> t != null).forEach(out::add);
    ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
  }

  private static boolean byBrand(JsonObject t) {
    JsonObject user = t.getJsonObject("user");
    return user != null && user.getLong("id") == XState.BRAND_ID;
  }

  private static Long opt(RoutingContext ctx, String name) {
    long value = num(ctx, name, -1);
    return value <= 0 ? null : value;
  }

  private static long num(RoutingContext ctx, String name, long fallback) {
    try {
      String raw = ctx.request().getParam(name);
      return raw == null ? fallback : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void error(RoutingContext ctx, int status, int code, String message) {
    json(ctx, status, new JsonObject().put("errors", new JsonArray()
        .add(new JsonObject().put("code", code).put("message", message))));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
