package io.earshot.demo.emulator.mastodon;

import io.earshot.demo.emulator.EmulatorServer;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Mastodon instance on loopback speaking the real REST shapes the connector uses:
 * notifications (min_id/since_id/max_id paging with Link headers), statuses (post with
 * Idempotency-Key and one of the four visibilities; a posted status's {@code mentions} are the
 * accounts its text names, whom a direct status reaches; show; direct-visibility mentions as
 * private messages), verify_credentials, /api/v2/instance and the streaming API's user
 * notification stream (Server-Sent Events). Tests script it through {@link #seedMentions},
 * {@link #faults()}, {@link #revokeToken()}, {@link #dropStreams()} and read {@link #posted()}.
 */
public final class MastodonEmulator extends EmulatorServer {
  public static final String TOKEN = "mastodon-emulator-token";
  private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
  private final MastodonState state;
  private final MastodonStreams streams;
  private volatile String validToken = TOKEN;
  private volatile int maxCharacters = 500;
  private final RequestWindow window = new RequestWindow();
  private final AtomicInteger notificationPages = new AtomicInteger();

  /** A Mastodon server: numeric snowflake ids. */
  public MastodonEmulator(Vertx vertx) {
    this(vertx, false);
  }

  /**
   * {@code stringIds}: a server speaking the Mastodon API with ids that are no numbers
   * (GoToSocial's ULIDs, Akkoma's flake ids), compared as strings by the server.
   */
  public MastodonEmulator(Vertx vertx, boolean stringIds) {
    super(vertx);
    this.state = new MastodonState(stringIds ? MastodonIds.STRING : MastodonIds.NUMERIC);
    this.streams = new MastodonStreams(vertx);
    state.onNotification(streams::push);
  }

  /** A quote of the brand's post (Mastodon 4.5), notified as {@code quote}; its status id. */
  public String seedQuote(String text) {
    return state.seedQuote(text);
  }

  @Override
  public Future<Void> stop() {
    streams.stop();
    return super.stop();
  }

  /**
   * Enforces the per-account limit like a real server: {@code requests} per fixed {@code window},
   * 429 with {@code X-RateLimit-*} headers past it (real Mastodon: 300 per 5 minutes).
   */
  public void enforceRateLimit(int requests, Duration per) {
    window.set(requests, per);
  }

  /** Requests answered 429 by the enforced limit (not by injected faults). */
  public int rateLimitRefusals() {
    return window.refused();
  }

  /** The most requests the enforced limit counted in one window. */
  public int mostRequestsInAWindow() {
    return window.mostInAWindow();
  }

  /** Closes every open streaming connection, as a restart of the streaming server would. */
  public void dropStreams() {
    streams.dropAll();
  }

  /** How many streaming connections are open right now. */
  public int streamConnections() {
    return streams.count();
  }

  /**
   * Pages of notifications answered so far: a test knows a poll it expects (the stream's
   * connect wake-up) has read the notifications, instead of sleeping for as long as it guesses.
   */
  public int notificationPagesServed() {
    return notificationPages.get();
  }

  public boolean deleteStatus(String id) {
    return state.delete(id);
  }

  public void setCounts(String statusId, int favourites, int reblogs, int replies) {
    state.setCounts(statusId, favourites, reblogs, replies);
  }

  /** The status's {@code quotes_count} (Mastodon 4.5); null leaves the field out, as older servers do. */
  public void setQuotes(String statusId, Integer quotes) {
    state.setQuotes(statusId, quotes);
  }

  public void setMaxCharacters(int max) {
    maxCharacters = max;
  }

  /** From now on the old token is refused with 401, as after a revoked app authorization. */
  public void revokeToken() {
    validToken = "revoked-" + System.nanoTime();
  }

  /** Every status the brand posted, each with {@code source_text} (the text as sent). */
  public List<JsonObject> posted() {
    return state.posted();
  }

  /** A customer's private message (a direct status to the brand) from account {@code accountId}; its status id. */
  public String seedDirect(String accountId, String text) {
    return state.seedDirect(accountId, text);
  }

  /** A status as the API shows it (with its {@code account}), or null. */
  public JsonObject status(String id) {
    return state.status(id);
  }

  /** Status ids of every seeded mention, oldest first. */
  public List<String> mentionIds() {
    return state.mentionIds();
  }

  @Override
  protected SeededFeed feed() {
    return state;
  }

  @Override
  protected void routes(Router router) {
    router.get("/api/v2/instance").handler(this::instance);
    router.route("/api/v1/*").handler(this::authorize);
    router.get("/api/v1/accounts/verify_credentials").handler(ctx -> json(ctx, 200, state.brand()));
    router.get("/api/v1/notifications").handler(this::notifications);
    router.post("/api/v1/statuses").handler(this::postStatus);
    router.get("/api/v1/streaming/user/notification").handler(streams::serve);
    router.get("/api/v1/streaming").handler(this::streaming);
    router.get("/api/v1/statuses/:id").handler(this::showStatus);
  }

  @Override
  protected void rateLimited(RoutingContext ctx, long resetEpochMillis) {
    ctx.response().putHeader("X-RateLimit-Limit", "300").putHeader("X-RateLimit-Remaining", "0")
        .putHeader("X-RateLimit-Reset", Instant.ofEpochMilli(resetEpochMillis).toString());
    json(ctx, 429, new JsonObject().put("error", "Too many requests"));
  }

  @Override
  protected void serverError(RoutingContext ctx) {
    json(ctx, 503, new JsonObject().put("error", "Service Unavailable"));
  }

  private void authorize(RoutingContext ctx) {
    if (("Bearer " + validToken).equals(ctx.request().getHeader("Authorization"))) {
      RequestWindow.Verdict v = window.take(Instant.now());
      ctx.response().putHeader("X-RateLimit-Limit", String.valueOf(v.limit()))
          .putHeader("X-RateLimit-Remaining", String.valueOf(v.remaining()))
          .putHeader("X-RateLimit-Reset", v.reset().toString());
      if (!v.allowed()) {
        json(ctx, 429, new JsonObject().put("error", "Too many requests"));
        return;
      }
      ctx.next();
    } else {
      json(ctx, 401, new JsonObject().put("error", "The access token is invalid"));
    }
  }

  private void instance(RoutingContext ctx) {
    JsonObject statuses = new JsonObject().put("max_characters", maxCharacters)
        .put("max_media_attachments", 4).put("characters_reserved_per_url", 23);
    JsonObject urls = new JsonObject().put("streaming", baseUrl().replaceFirst("^http", "ws"));
    json(ctx, 200, new JsonObject().put("domain", MastodonState.DOMAIN)
        .put("configuration", new JsonObject().put("statuses", statuses).put("urls", urls)));
  }

  /** The query-string form of the same stream; other streams are not emulated. */
  private void streaming(RoutingContext ctx) {
    if ("user:notification".equals(ctx.request().getParam("stream"))) {
      streams.serve(ctx);
    } else {
      json(ctx, 400, new JsonObject().put("error", "Unknown stream type"));
    }
  }

  /**
   * Only the types asked for ({@code types[]}), and notifications the account's policy filters
   * only with {@code include_filtered=true} (Mastodon 4.3+), as a real server answers.
   */
  private void notifications(RoutingContext ctx) {
    Set<String> types = Set.copyOf(ctx.queryParam("types[]"));
    boolean filtered = "true".equals(ctx.request().getParam("include_filtered"));
    int limit = Math.min(80, Math.max(1, intParam(ctx, "limit", 40)));
    JsonArray page = state.page(param(ctx, "min_id"), param(ctx, "since_id"), param(ctx, "max_id"), limit, types, filtered);
    if (!page.isEmpty()) {
      String self = baseUrl() + "/api/v1/notifications?limit=" + limit;
      ctx.response().putHeader("Link", "<" + self + "&max_id="
          + page.getJsonObject(page.size() - 1).getString("id") + ">; rel=\"next\", <" + self
          + "&min_id=" + page.getJsonObject(0).getString("id") + ">; rel=\"prev\"");
    }
    notificationPages.incrementAndGet();
    ctx.response().putHeader("Content-Type", "application/json").end(page.encode());
  }

  private void postStatus(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String text = body == null ? null : body.getString("status");
    if (text == null || text.isBlank()) {
      json(ctx, 422, new JsonObject().put("error", "Validation failed: Text can't be blank"));
      return;
    }
    if (text.codePointCount(0, text.length()) > maxCharacters) {
      json(ctx, 422, new JsonObject().put("error",
          "Validation failed: Text character limit of " + maxCharacters + " exceeded"));
      return;
    }
    String inReplyTo = body.getString("in_reply_to_id");
    if (inReplyTo != null && state.status(inReplyTo) == null) {
      json(ctx, 404, new JsonObject().put("error", "Record not found"));
      return;
    }
    String visibility = body.getString("visibility", "public");
    if (!VISIBILITIES.contains(visibility)) {
      json(ctx, 422, new JsonObject().put("error", "Validation failed: Visibility is not included in the list"));
      return;
    }
    json(ctx, 200, state.post(ctx.request().getHeader("Idempotency-Key"), text, inReplyTo, visibility,
        body.getString("spoiler_text")));
  }

  private void showStatus(RoutingContext ctx) {
    JsonObject status = state.status(ctx.pathParam("id"));
    if (status == null) {
      json(ctx, 404, new JsonObject().put("error", "Record not found"));
    } else {
      json(ctx, 200, status);
    }
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    Long value = longParam(ctx, name);
    return value == null ? fallback : value.intValue();
  }

  private static String param(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    return raw == null || raw.isBlank() ? null : raw;
  }

  private static Long longParam(RoutingContext ctx, String name) {
    String raw = ctx.request().getParam(name);
    try {
      return raw == null || raw.isBlank() ? null : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
