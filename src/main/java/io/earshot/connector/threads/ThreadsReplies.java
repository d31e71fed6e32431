package io.earshot.connector.threads;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.meta.GraphClient;
import io.earshot.domain.Engagement;
import io.earshot.store.PublishAttemptStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's side on Threads: replying (a text container with {@code reply_to_id}, then
 * {@code threads_publish}), reading what its replies earned ({@code /insights}) and hiding replies
 * under its posts ({@code manage_reply}). Threads has no idempotency key, so each intent is marked
 * durably before its first attempt ({@link PublishAttemptStore}); a first attempt publishes at
 * once, and a retry first reads the profile's latest 50 replies ({@code GET /{user-id}/replies},
 * free) and answers with one made since the first attempt to the same target with the same words,
 * instead of publishing again. Outside a hub (no store) every attempt reads first, and two intents
 * with identical text to one target count as one. A container made by an attempt whose publish
 * failed is simply never published (Threads lets it expire).
 */
final class ThreadsReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadsReplies.class);
  /** The 24-hour window moves: when the quota is used up, look again after this long. */
  private static final long QUOTA_RECHECK_SECONDS = 15 * 60;
  /** Meta's clock and ours may differ a little; look a bit before the first attempt. */
  private static final long SKEW_SECONDS = 30;
  private final GraphClient graph;
  private final String account;
  private final PublishAttemptStore attempts;

  ThreadsReplies(GraphClient graph, String account, PublishAttemptStore attempts) {
    this.graph = graph;
    this.account = account;
    this.attempts = attempts;
  }

  /** A reply to the mention, or a stand-alone post of the profile when {@code inReplyTo} is null. */
  Future<String> publish(OutgoingPost post, String userId, String username) {
    String target = post.inReplyTo() == null ? null : post.inReplyTo().externalId();
    Future<Instant> firstAt = attempts == null ? Future.succeededFuture(Instant.EPOCH)
        : attempts.mark(account, post.idempotencyKey(), Instant.now());
    return firstAt.compose(first -> first == null ? Future.succeededFuture((String) null)
            : existing(userId, username, target, post.text(), first))
        .compose(found -> found != null ? Future.succeededFuture(found) : create(userId, target, post.text()))
        .onSuccess(id -> LOG.info("threads published account={} replyTo={} id={}", account, target, id));
  }

  /** The profile's reply (or post) since {@code since} to {@code target} with these words, or null. */
  private Future<String> existing(String userId, String username, String target, String text, Instant since) {
    // The profile's own replies (or posts), newest first: a reply to someone else's post is found there too.
    String edge = target == null ? "/threads" : "/replies";
    Instant after = since.minusSeconds(SKEW_SECONDS);
    return graph.get("/" + userId + edge, Map.of("fields", "id,text,username,timestamp,replied_to", "limit", "50"))
        .map(page -> {
          for (Object item : page.getJsonArray("data", new JsonArray())) {
            if (item instanceof JsonObject r && matches(r, username, target, text, after)) {
              LOG.info("threads reply already made account={} id={}", account, r.getString("id"));
              return r.getString("id");
            }
          }
          return null;
        });
  }

  private static boolean matches(JsonObject r, String username, String target, String text, Instant after) {
    String time = r.getString("timestamp");
    return username.equals(r.getString("username"))
        && (target == null || target.equals(r.getJsonObject("replied_to", new JsonObject()).getString("id")))
        && text.strip().equals(String.valueOf(r.getString("text")).strip())
        && (time == null || !ThreadsMapper.parse(time).isBefore(after));
  }

  private Future<String> create(String userId, String target, String text) {
    return quota(userId, target != null).compose(v -> {
      Map<String, String> container = new LinkedHashMap<>();
      container.put("media_type", "TEXT");
      container.put("text", text);
      if (target != null) {
        container.put("reply_to_id", target);
      }
      return graph.post("/" + userId + "/threads", container);
    }).compose(c -> graph.post("/" + userId + "/threads_publish", Map.of("creation_id", c.getString("id"))))
        .map(published -> published.getString("id"));
  }

  /**
   * Fails with {@code RateLimited} when the profile used its API-published replies (1,000) or posts
   * (250) of the last 24 hours: the publish would be refused, so nothing is sent.
   */
  private Future<Void> quota(String userId, boolean reply) {
    String usage = reply ? "reply_quota_usage" : "quota_usage";
    String config = reply ? "reply_config" : "config";
    return graph.get("/" + userId + "/threads_publishing_limit", Map.of("fields", usage + "," + config)).compose(r -> {
      JsonArray data = r.getJsonArray("data", new JsonArray());
      JsonObject limit = data.isEmpty() ? new JsonObject() : data.getJsonObject(0);
      long used = limit.getLong(usage, 0L);
      long total = limit.getJsonObject(config, new JsonObject()).getLong("quota_total", Long.MAX_VALUE);
      return used < total ? Future.succeededFuture() : Future.failedFuture(new ConnectorException.RateLimited(
          "threads publishing limit reached: " + used + " of " + total + (reply ? " replies" : " posts")
              + " in 24 hours", Instant.now().plusSeconds(QUOTA_RECHECK_SECONDS)));
    });
  }

  /** Counts by id; a reply deleted since (code 100) is simply left out. */
  Future<Map<String, Engagement>> engagement(List<String> ids) {
    List<Future<JsonObject>> reads = new ArrayList<>();
    ids.forEach(id -> reads.add(graph.get("/" + id + "/insights", Map.of("metric", "views,likes,replies,reposts,quotes"))
        .recover(e -> e instanceof ConnectorException.Rejected ? Future.succeededFuture(null) : Future.failedFuture(e))));
    return Future.all(reads).map(all -> {
      Map<String, Engagement> out = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        JsonObject insights = reads.get(i).result();
        if (insights != null) {
          out.put(ids.get(i), ThreadsMapper.engagement(insights));
        }
      }
      return out;
    });
  }

  /** Threads hides top-level replies (with what is nested under them); a deeper reply is refused. */
  Future<Void> hide(String replyId, boolean hidden) {
    return graph.post("/" + replyId + "/manage_reply", Map.of("hide", String.valueOf(hidden))).mapEmpty();
  }
}
