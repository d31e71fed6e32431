package io.earshot.connector.x;

import com.twitter.twittertext.TwitterTextParser;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.budget.Meter;
import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.Twitter;
import twitter4j.v1.Status;
import twitter4j.v1.StatusUpdate;
import twitter4j.v1.TwitterV1;

/**
 * X through Twitter4J 4.1.2 on the v1.1 API with OAuth 1.0a user credentials (consumerKey,
 * consumerSecret, accessToken, accessTokenSecret). Twitter4J blocks, so every call runs on the
 * bounded worker pool {@value #POOL} (shared by all X accounts of the instance; its queue depth is
 * in the metrics), never on the default pool where it could crowd out other blocking work. Futures fail with {@link ConnectorException} subtypes: RateLimited (429, reset
 * from x-rate-limit-reset), Unauthorized (401, or 403 code 453 for an API tier without
 * access), Transient (5xx, network), Rejected (other refusals, e.g. replying to a deleted tweet).
 */
public final class XConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(XConnector.class);
  static final String POOL = "earshot-twitter4j";
  /** Calls wait up to 30 s on a socket; four threads keep a poll, a publish and lookups apart. */
  private static final int POOL_THREADS = 4;
  private final WorkerExecutor workers;
  private final ConnectorAccount account;
  private final TwitterV1 api;
  private final XTimelines timelines;
  private final Meter meter;
  private volatile long brandId;
  private Future<Void> started;

  public XConnector(Vertx vertx, ConnectorAccount account, Meter meter) {
    this.workers = vertx.createSharedWorkerExecutor(POOL, POOL_THREADS);
    this.account = account;
    this.meter = meter;
    this.api = client(account).v1();
    this.timelines = new XTimelines(account, api, this::blocking, meter);
  }

  /** Twitter4J 4.1 has no setter for the API root; it is read from the "restBaseURL" property. */
  private static Twitter client(ConnectorAccount account) {
    String base = account.baseUrl() == null || account.baseUrl().isBlank() ? "https://api.twitter.com"
        : account.baseUrl().replaceAll("/+$", "");
    Properties props = new Properties();
    props.setProperty("restBaseURL", base + "/1.1/");
    return Twitter.newBuilder().load(props)
        .oAuthConsumer(account.credential("consumerKey"), account.credential("consumerSecret"))
        .oAuthAccessToken(account.credential("accessToken"), account.credential("accessTokenSecret"))
        .httpRetryCount(0).httpConnectionTimeout(10_000).httpReadTimeout(30_000).jsonStoreEnabled(true)
        .build();
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  /**
   * Learns the brand's id once. Every instance may publish, also one that never polled, and the
   * retry check reads the brand's own timeline by that id, so publish starts it when needed.
   */
  @Override
  public synchronized Future<Void> start() {
    if (started == null || started.failed()) {
      started = verify();
    }
    return started;
  }

  private Future<Void> verify() {
    return blocking(() -> api.users().verifyCredentials(), "verify_credentials")
        .map(user -> {
          brandId = user.getId();
          timelines.brand(user.getId(), user.getScreenName());
          LOG.info("x connected account={} as=@{}", account.name(), user.getScreenName());
          return null;
        });
  }

  @Override
  public Future<PollResult> poll(String cursor) {
    XCursor from;
    try {
      from = XCursor.decode(cursor);
    } catch (RuntimeException unreadable) {
      return Future.failedFuture(new ConnectorException.Rejected("unreadable x cursor: " + unreadable.getMessage()));
    }
    return timelines.poll(from);
  }

  @Override
  public Future<String> publish(OutgoingPost post) {
    return start().compose(v -> ownRecent())
        .compose(recent -> XReplies.existing(recent, post)
            .map(found -> {
              LOG.info("x publish found earlier tweet account={} id={}", account.name(), found.getId());
              return Future.succeededFuture(String.valueOf(found.getId()));
            })
            .orElseGet(() -> update(post)));
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> ids) {
    List<Future<List<Status>>> batches = new ArrayList<>();
    List<String> numeric = ids.stream().filter(id -> id.matches("[0-9]{1,19}")).toList();
    // statuses/lookup takes at most 100 ids; deleted tweets are silently left out.
    for (int i = 0; i < numeric.size(); i += 100) {
      long[] batch = numeric.subList(i, Math.min(numeric.size(), i + 100)).stream().mapToLong(Long::parseLong).toArray();
      batches.add(blocking(() -> List.copyOf(api.tweets().lookup(batch)), "statuses/lookup"));
    }
    return Future.all(batches).map(all -> {
      Map<String, Engagement> out = new HashMap<>();
      batches.forEach(b -> b.result().forEach(s -> out.put(String.valueOf(s.getId()), XMapper.engagement(s))));
      return out;
    });
  }

  /** Gives back this account's share of the Twitter4J pool (the pool ends with the last account). */
  @Override
  public Future<Void> stop() {
    return workers.close();
  }

  /** X counts weighted length: most CJK and emoji weigh 2, every URL 23, limit 280. */
  @Override
  public ReplyCheck checkReply(String text) {
    return ReplyCheck.fits(TwitterTextParser.parseTweet(text).weightedLength, 280);
  }

  private Future<String> update(OutgoingPost post) {
    StatusUpdate update = StatusUpdate.of(post.text());
    if (post.inReplyTo() != null) {
      update = update.inReplyToStatusId(Long.parseLong(post.inReplyTo().externalId()))
          .autoPopulateReplyMetadata(true);
    }
    StatusUpdate request = update;
    return meter.beforeCall().compose(v -> workers.executeBlocking(() -> api.tweets().updateStatus(request), false))
        .map(s -> String.valueOf(s.getId()))
        .recover(e -> XFailures.isDuplicate(e) ? duplicate(post, e) : Future.failedFuture(XFailures.map(e, "statuses/update")))
        .onSuccess(id -> LOG.info("x published account={} id={}", account.name(), id));
  }

  /** Error 187: X already has this exact text from us; return that tweet if it answers the same status. */
  private Future<String> duplicate(OutgoingPost post, Throwable error) {
    return ownRecent().compose(recent -> XReplies.existing(recent, post)
        .map(s -> Future.succeededFuture(String.valueOf(s.getId())))
        .orElseGet(() -> Future.failedFuture(XFailures.map(error, "statuses/update"))));
  }

  private Future<List<Status>> ownRecent() {
    return blocking(() -> List.copyOf(api.timelines().getUserTimeline(brandId,
        twitter4j.v1.Paging.ofCount(200))), "statuses/user_timeline");
  }

  /** Every call asks the account's budget first; Twitter4J blocks, so it runs on a worker. */
  <T> Future<T> blocking(Callable<T> call, String what) {
    return meter.beforeCall().compose(v -> workers.executeBlocking(call, false))
        .recover(e -> Future.failedFuture(XFailures.map(e, what)));
  }
}
