package io.earshot.connector.xv2;

import com.twitter.twittertext.TwitterTextParser;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorServices;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.Options;
import io.earshot.connector.http.TextCount;
import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X through its v2 API ({@code "options": {"api": "v2"}}), what new X apps get and what X bills
 * per call: owned mentions and recent search ({@link XV2Streams}), replies with
 * {@code POST /2/tweets}, metrics from {@code GET /2/tweets?ids=…&tweet.fields=public_metrics},
 * and with {@code "dm": true} direct messages in and out ({@link XV2Dms}).
 * Authorized with OAuth 2.0 user context (credentials {@code clientId}, optional
 * {@code clientSecret}, {@code refreshToken}; tokens kept durably) or OAuth 1.0a user context
 * ({@code consumerKey}, {@code consumerSecret}, {@code accessToken}, {@code accessTokenSecret}).
 * Every call asks the account's budget first. Futures fail with {@link ConnectorException}
 * subtypes: RateLimited (429, x-rate-limit-reset) or BudgetExhausted, Unauthorized (401, 402,
 * an app not enrolled), Transient (5xx, network), Rejected (other refusals).
 */
public final class XV2Connector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(XV2Connector.class);
  private final ConnectorAccount account;
  private final WebClient client;
  private final XAuth auth;
  private final XV2Http http;
  private final Meter meter;
  private final XV2Streams streams;
  private final XV2Replies replies;
  /** Direct messages, with {@code "dm": true}: the token must hold {@code dm.read dm.write}. */
  private final XV2Dms dms;
  private volatile String brandId;
  private Future<Void> started;

  public XV2Connector(Vertx vertx, ConnectorAccount account, ConnectorServices services) {
    if (services.attempts() == null) {
      throw new IllegalArgumentException("x v2 account " + account.name() + " needs the hub's stores");
    }
    this.account = account;
    this.meter = services.meter();
    String base = (account.baseUrl() == null || account.baseUrl().isBlank() ? "https://api.x.com"
        : account.baseUrl()).replaceAll("/+$", "");
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000).setUserAgent("Earshot/0.1"));
    this.auth = auth(account, services, base);
    this.http = new XV2Http(client, base, auth);
    int pageSize = Options.intOption(account, "pageSize", 100, 5, 100);
    this.dms = Options.boolOption(account, "dm", false)
        ? new XV2Dms(account.name(), http, meter, services.attempts(), pageSize) : null;
    this.streams = new XV2Streams(account, http, meter, pageSize, dms);
    this.replies = new XV2Replies(account.name(), http, meter, services.attempts());
  }

  private XAuth auth(ConnectorAccount a, ConnectorServices services, String base) {
    if (a.credential("refreshToken") != null || a.credential("clientId") != null) {
      if (services.tokens() == null) {
        throw new IllegalArgumentException("x v2 account " + a.name() + " with OAuth 2.0 needs the hub's token store");
      }
      return new OAuth2Session(client, base, a.name(), new OAuth2Session.Credentials(a.credential("clientId"),
          a.credential("clientSecret"), a.credential("refreshToken"), a.credential("accessToken")),
          services.tokens(), meter, Clock.systemUTC());
    }
    return new OAuth1Signer(a.credential("consumerKey"), a.credential("consumerSecret"), a.credential("accessToken"),
        a.credential("accessTokenSecret"), Clock.systemUTC());
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  /**
   * {@code GET /2/users/me}: the brand's id for the mentions path and its username for search.
   * Runs once; every instance may publish, also those that never polled, so publishing and
   * metrics start the connector themselves when needed. A failed start is tried again next time.
   */
  @Override
  public synchronized Future<Void> start() {
    if (started == null || started.failed()) {
      started = connect();
    }
    return started;
  }

  private Future<Void> connect() {
    return auth.start().compose(v -> meter.beforeRead(1, 1))
        .compose(grant -> http.get("/2/users/me", MultiMap.caseInsensitiveMultiMap(), "users/me")
            .compose(me -> meter.afterRead(grant, 0, 1).map(me)))
        .map(me -> {
          JsonObject data = me.getJsonObject("data", new JsonObject());
          brandId = data.getString("id");
          streams.brand(brandId, data.getString("username"));
          replies.brand(brandId);
          if (dms != null) {
            dms.brand(brandId);
          }
          LOG.info("x v2 connected account={} as=@{}", account.name(), data.getString("username"));
          return null;
        });
  }

  @Override
  public Future<PollResult> poll(String cursor) {
    XV2Cursor from;
    try {
      from = XV2Cursor.decode(cursor);
    } catch (RuntimeException unreadable) {
      return Future.failedFuture(new ConnectorException.Rejected("unreadable x v2 cursor: " + unreadable.getMessage()));
    }
    return streams.poll(from);
  }

  /**
   * A private answer goes as a direct message ({@link XV2Dms}); a public answer to a direct
   * message has no post to reply to, so it is a new post naming the customer.
   */
  @Override
  public Future<String> publish(OutgoingPost post) {
    if (post.isPrivate() && dms != null && post.inReplyTo() != null) {
      return start().compose(v -> dms.send(post));
    }
    OutgoingPost out = post.inReplyTo() != null && post.inReplyTo().isPrivate() ? naming(post) : post;
    return start().compose(v -> replies.publish(out, TextCount.URL.matcher(out.text()).find()));
  }

  /** With the {@code dm} option, an answer may go as a direct message to the customer. */
  @Override
  public boolean sendsPrivate() {
    return dms != null;
  }

  private static OutgoingPost naming(OutgoingPost post) {
    String handle = post.inReplyTo().author().handle();
    boolean named = post.text().toLowerCase(java.util.Locale.ROOT).contains("@" + handle.toLowerCase(java.util.Locale.ROOT));
    return new OutgoingPost(post.idempotencyKey(), named ? post.text() : "@" + handle + " " + post.text(), null);
  }

  /** {@code GET /2/tweets} takes at most 100 ids; deleted posts come back as errors and are left out. */
  @Override
  public Future<Map<String, Engagement>> engagement(List<String> ids) {
    return start().compose(v -> lookup(ids.stream().filter(id -> id.matches("[0-9]{1,19}")).toList()));
  }

  private Future<Map<String, Engagement>> lookup(List<String> numeric) {
    List<Future<JsonArray>> batches = new ArrayList<>();
    for (int i = 0; i < numeric.size(); i += 100) {
      List<String> batch = numeric.subList(i, Math.min(numeric.size(), i + 100));
      batches.add(meter.beforeRead(batch.size(), batch.size()).compose(grant -> http.get("/2/tweets",
              MultiMap.caseInsensitiveMultiMap().add("ids", String.join(",", batch)).add("tweet.fields", "public_metrics"),
              "tweets lookup")
          .compose(r -> meter.afterRead(grant, r.getJsonArray("data", new JsonArray()).size(), 0)
              .map(r.getJsonArray("data", new JsonArray())))
          .recover(e -> meter.afterRead(grant, 0, 0).transform(ar -> Future.failedFuture(e)))));
    }
    return Future.all(batches).map(all -> {
      Map<String, Engagement> out = new HashMap<>();
      batches.forEach(b -> b.result().forEach(p -> {
        JsonObject post = (JsonObject) p;
        out.put(post.getString("id"), XV2Mapper.engagement(post));
      }));
      return out;
    });
  }

  /** X counts weighted length: most CJK and emoji weigh 2, every URL 23, limit 280. */
  @Override
  public ReplyCheck checkReply(String text) {
    return ReplyCheck.fits(TwitterTextParser.parseTweet(text).weightedLength, 280);
  }

  @Override
  public Future<Void> stop() {
    client.close();
    return Future.succeededFuture();
  }
}
