package io.earshot.connector.xv2;

import io.earshot.connector.OutgoingPost;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.x.XReplies;
import io.earshot.store.PublishAttemptStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing on X, which has no idempotency key. Each intent is marked durably before its first
 * attempt ({@link PublishAttemptStore}); a first attempt posts at once, and a retry first reads
 * what the brand posted since that first attempt ({@code GET /2/users/:id/tweets} with
 * {@code start_time}, usually a handful of posts, each one billed) and answers with the post
 * that replies to the same post with the same words, instead of posting again. A reply is
 * {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}; X threads it and addresses the
 * author itself. X also refuses an exact duplicate (403 "duplicate content"), handled the same way.
 */
final class XV2Replies {
  private static final Logger LOG = LoggerFactory.getLogger(XV2Replies.class);
  /** X's clock and ours may differ a little; look a bit before the first attempt. */
  private static final long SKEW_SECONDS = 30;
  private final String account;
  private final XV2Http http;
  private final Meter meter;
  private final PublishAttemptStore attempts;
  private volatile String brandId;

  XV2Replies(String account, XV2Http http, Meter meter, PublishAttemptStore attempts) {
    this.account = account;
    this.http = http;
    this.meter = meter;
    this.attempts = attempts;
  }

  void brand(String id) {
    this.brandId = id;
  }

  Future<String> publish(OutgoingPost post, boolean withUrl) {
    return attempts.mark(account, post.idempotencyKey(), Instant.now()).compose(firstAt -> firstAt == null
        ? create(post, withUrl, Instant.now())
        : existing(post, firstAt).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : create(post, withUrl, firstAt)));
  }

  private Future<String> create(OutgoingPost post, boolean withUrl, Instant firstAt) {
    JsonObject body = new JsonObject().put("text", post.text());
    if (post.inReplyTo() != null) {
      body.put("reply", new JsonObject().put("in_reply_to_tweet_id", post.inReplyTo().externalId()));
    }
    return meter.beforePost(withUrl).compose(grant -> http.post("/2/tweets", body, "POST /2/tweets")
        .map(r -> r.getJsonObject("data", new JsonObject()).getString("id"))
        .onSuccess(id -> LOG.info("x v2 published account={} id={}", account, id))
        .recover(e -> meter.afterPost(grant, false).transform(ar -> XV2Errors.isDuplicate(e)
            ? existing(post, firstAt).compose(found -> found.<Future<String>>map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(e)))
            : Future.failedFuture(e))));
  }

  /** The brand's post since {@code firstAt} that answers the same post with the same words. */
  private Future<Optional<String>> existing(OutgoingPost post, Instant firstAt) {
    String since = firstAt.minusSeconds(SKEW_SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
    return meter.beforeRead(100, 5).compose(grant -> http.get("/2/users/" + brandId + "/tweets",
            MultiMap.caseInsensitiveMultiMap().add("start_time", since).add("max_results", String.valueOf(grant.items()))
                .add("tweet.fields", "referenced_tweets,created_at"), "users/:id/tweets")
        .compose(r -> meter.afterRead(grant, r.getJsonArray("data", new JsonArray()).size(), 0).map(r))
        .recover(e -> meter.afterRead(grant, 0, 0).transform(ar -> Future.failedFuture(e))))
        .map(r -> match(r.getJsonArray("data", new JsonArray()), post))
        .onSuccess(found -> found.ifPresent(id -> LOG.info("x v2 publish found earlier post account={} id={}", account, id)));
  }

  private static Optional<String> match(JsonArray posts, OutgoingPost post) {
    String target = post.inReplyTo() == null ? null : post.inReplyTo().externalId();
    String wanted = XReplies.normalize(post.text());
    return posts.stream().map(JsonObject.class::cast)
        .filter(p -> java.util.Objects.equals(target, XV2Mapper.referenced(p, "replied_to")))
        .filter(p -> XReplies.normalize(XV2Mapper.text(p)).equals(wanted))
        .map(p -> p.getString("id")).findFirst();
  }

}
