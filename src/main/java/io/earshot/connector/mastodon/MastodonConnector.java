package io.earshot.connector.mastodon;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.HttpOutcome;
import io.earshot.connector.http.Options;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon over its REST API with a user access token (scopes read:notifications,
 * write:statuses). Polls mention notifications forward with {@code min_id} (a direct-visibility
 * mention is a private message: notifications carry it like any mention), replies, in public or
 * as a direct status, with the
 * instance's Idempotency-Key support and reads counts from the statuses themselves. With the
 * {@code streaming} option (default on) {@link #watch} listens to the streaming API so a new
 * mention is polled within moments instead of at the next interval. Futures
 * fail with {@link ConnectorException} subtypes: RateLimited (429, reset from
 * X-RateLimit-Reset), Unauthorized (401/403), Transient (5xx, network), Rejected (other 4xx).
 */
public final class MastodonConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonConnector.class);
  private final ConnectorAccount account;
  private final WebClient client;
  private final String base;
  private final String token;
  private final int pageSize;
  private final boolean streaming;
  private final MastodonStream stream;
  private volatile String streamBase;
  private final Meter meter;
  private volatile MastodonLimits limits = MastodonLimits.DEFAULT;
  private volatile String brandAcct;

  public MastodonConnector(Vertx vertx, ConnectorAccount account, Meter meter) {
    if (account.baseUrl() == null || account.baseUrl().isBlank()) {
      throw new IllegalArgumentException("mastodon account " + account.name() + " needs baseUrl (the instance)");
    }
    this.account = account;
    this.meter = meter;
    this.base = account.baseUrl().replaceAll("/+$", "");
    this.token = account.credential("accessToken");
    this.pageSize = Options.intOption(account, "pageSize", 40, 1, 80);
    this.streaming = Options.boolOption(account, "streaming", true);
    this.streamBase = base;
    this.stream = new MastodonStream(vertx, account.name(), token);
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(60).setUserAgent("Earshot/0.1"));
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  @Override
  public Future<Void> start() {
    return meter.beforeCall().compose(v -> call(HttpMethod.GET, "/api/v1/accounts/verify_credentials").send())
        .transform(ar -> checked(ar, "verify_credentials"))
        .compose(r -> {
          brandAcct = r.bodyAsJsonObject().getString("acct");
          LOG.info("mastodon connected account={} as={}", account.name(), brandAcct);
          return loadLimits();
        });
  }

  /**
   * min_id answers the page immediately after the cursor (oldest first, though the array is
   * sorted newest first), so walking forward with it never leaves a gap; since_id would return
   * the newest page and silently skip whatever lies between. Ids are opaque strings (Mastodon
   * says so; GoToSocial, Akkoma and others do not use numbers), so the cursor is whatever id the
   * server put first and the server alone compares them. A null cursor starts at the oldest
   * notification the instance still keeps. {@code include_filtered} brings in what the
   * account's notification policy would hide (people it does not follow, new accounts, private
   * mentions): for a care desk often exactly the customers who need help. Quotes of the brand's
   * posts (Mastodon 4.5) come too.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    String after = cursor == null || cursor.isBlank() ? "0" : cursor;
    return meter.beforeCall()
        .compose(v -> call(HttpMethod.GET, "/api/v1/notifications").addQueryParam("types[]", "mention")
            .addQueryParam("types[]", "quote").addQueryParam("include_filtered", "true")
            .addQueryParam("limit", String.valueOf(pageSize)).addQueryParam("min_id", after).send())
        .transform(ar -> checked(ar, "notifications"))
        .compose(r -> parseArray(r, "notifications"))
        .map(items -> page(items, after));
  }

  @Override
  public Future<String> publish(OutgoingPost post) {
    JsonObject body = MastodonReply.body(post, brandAcct);
    // Mastodon keeps the Idempotency-Key for an hour and answers a repeat with the first status.
    return meter.beforeCall()
        .compose(v -> call(HttpMethod.POST, "/api/v1/statuses").putHeader("Idempotency-Key", post.idempotencyKey())
            .sendJsonObject(body))
        .transform(ar -> checked(ar, "post status"))
        .map(r -> r.bodyAsJsonObject().getString("id"))
        .onSuccess(id -> LOG.info("mastodon published account={} status={} inReplyTo={}",
            account.name(), id, body.getString("in_reply_to_id")));
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> externalIds) {
    List<Future<Map.Entry<String, Engagement>>> reads = new ArrayList<>();
    externalIds.forEach(id -> reads.add(counts(id)));
    return Future.all(reads).map(all -> {
      Map<String, Engagement> out = new HashMap<>();
      reads.forEach(f -> {
        if (f.result() != null) {
          out.put(f.result().getKey(), f.result().getValue());
        }
      });
      return out;
    });
  }

  /** A direct-visibility status is Mastodon's private message; the same token and scope post it. */
  @Override
  public boolean sendsPrivate() {
    return true;
  }

  @Override
  public ReplyCheck checkReply(String text) {
    return limits.check(text);
  }

  /** Mention notifications on the user stream; the stream itself stores nothing. */
  @Override
  public void watch(Runnable wake) {
    if (streaming) {
      stream.open(streamBase + "/api/v1/streaming/user/notification", wake);
    }
  }

  @Override
  public void unwatch() {
    stream.close();
  }

  @Override
  public Future<Void> stop() {
    client.close();
    return stream.shutdown().otherwiseEmpty();
  }

  private Future<Map.Entry<String, Engagement>> counts(String id) {
    return meter.beforeCall().compose(v -> call(HttpMethod.GET, "/api/v1/statuses/" + id).send())
        .compose(r -> r.statusCode() == 404 ? Future.succeededFuture(null)
            : HttpOutcome.check(r, "status " + id, MastodonConnector::resetOf)
                .map(ok -> Map.entry(id, MastodonMapper.engagement(ok.bodyAsJsonObject()))))
        .recover(e -> Future.failedFuture(HttpOutcome.network(e, "status " + id)));
  }

  private Future<Void> loadLimits() {
    // The instance endpoint is public; a failure only means we keep Mastodon's defaults.
    return meter.beforeCall().compose(v -> client.getAbs(base + "/api/v2/instance").send())
        .map(r -> {
          if (r.statusCode() == 200) {
            limits = MastodonLimits.from(r.bodyAsJsonObject());
            streamBase = streamingBase(r.bodyAsJsonObject());
          }
          return (Void) null;
        })
        .otherwise(e -> {
          LOG.warn("mastodon instance limits unavailable account={}: {}", account.name(), e.getMessage());
          return null;
        });
  }

  /** The next cursor is the newest id on the page: the server sorted them, Earshot never compares. */
  private PollResult page(JsonArray items, String after) {
    List<Mention> mentions = new ArrayList<>();
    String next = null;
    int skipped = 0;
    for (int i = items.size() - 1; i >= 0; i--) {
      Object raw = items.getValue(i);
      String id = raw instanceof JsonObject o && o.getValue("id") instanceof String s && !s.isBlank() ? s : null;
      next = id != null ? id : next;
      try {
        mentions.add(MastodonMapper.mention(account.name(), (JsonObject) raw));
      } catch (RuntimeException malformed) {
        skipped++;
        LOG.warn("mastodon skipped malformed notification account={} id={}: {}", account.name(),
            id, malformed.toString());
      }
    }
    boolean advanced = next != null && !next.equals(after);
    return new PollResult(mentions, advanced ? next : after, skipped, advanced && items.size() >= pageSize);
  }

  private HttpRequest<Buffer> call(HttpMethod method, String path) {
    return client.requestAbs(method, base + path).bearerTokenAuthentication(token)
        .timeout(30_000);
  }

  private Future<HttpResponse<Buffer>> checked(io.vertx.core.AsyncResult<HttpResponse<Buffer>> ar,
                                               String what) {
    return ar.succeeded() ? HttpOutcome.check(ar.result(), what, MastodonConnector::resetOf)
        : Future.failedFuture(HttpOutcome.network(ar.cause(), what));
  }

  private static Future<JsonArray> parseArray(HttpResponse<Buffer> r, String what) {
    try {
      return Future.succeededFuture(r.bodyAsJsonArray());
    } catch (RuntimeException e) {
      return Future.failedFuture(new ConnectorException.Transient(what + " returned no JSON array", e));
    }
  }

  /**
   * Large instances serve streaming from another host, announced as a {@code wss://} URL; the
   * same host speaks Server-Sent Events over https. Without it, the instance itself streams.
   */
  private String streamingBase(JsonObject instance) {
    String announced = instance.getJsonObject("configuration", new JsonObject())
        .getJsonObject("urls", new JsonObject()).getString("streaming");
    if (announced == null || !announced.matches("wss?://.+")) {
      return base;
    }
    return announced.replaceFirst("^ws", "http").replaceAll("/+$", "");
  }

  /** Mastodon sends the window's end as an ISO-8601 timestamp, not epoch seconds. */
  static Instant resetOf(HttpResponse<Buffer> r) {
    String reset = r.getHeader("X-RateLimit-Reset");
    try {
      return reset == null ? null : OffsetDateTime.parse(reset).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
