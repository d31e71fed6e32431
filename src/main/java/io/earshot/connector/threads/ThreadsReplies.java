package io.earshot.connector.threads;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.meta.GraphClient;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
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
 * under its posts ({@code manage_reply}). Threads has no idempotency key, so before every reply the
 * profile's latest 50 replies ({@code GET /{user-id}/replies}) are read, and one to the same target
 * with the same words is taken for the reply a lost answer hid (reads are free; the 1,000 replies a day are what counts). A container
 * made by an attempt whose publish failed is simply never published (Threads lets it expire).
 * Limit: two intents with identical text under one post count as one.
 */
final class ThreadsReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadsReplies.class);
  /** The 24-hour window moves: when the quota is used up, look again after this long. */
  private static final long QUOTA_RECHECK_SECONDS = 15 * 60;
  private final GraphClient graph;
  private final String account;

  ThreadsReplies(GraphClient graph, String account) {
    this.graph = graph;
    this.account = account;
  }

  /** A reply to the mention, or a stand-alone post of the profile when {@code inReplyTo} is null. */
  Future<String> publish(OutgoingPost post, String userId, String username) {
    Mention to = post.inReplyTo();
    String target = to == null ? null : to.externalId();
    // The profile's own replies (or posts), newest first: a reply to someone else's post is found there too.
    String edge = to == null ? "/threads" : "/replies";
    return graph.get("/" + userId + edge, Map.of("fields", "id,text,username,replied_to", "limit", "50"))
        .map(page -> existing(page, username, target, post.text()))
        .compose(found -> found != null ? Future.succeededFuture(found) : create(userId, target, post.text()))
        .onSuccess(id -> LOG.info("threads published account={} replyTo={} id={}", account, target, id));
  }

  private String existing(JsonObject page, String username, String target, String text) {
    for (Object item : page.getJsonArray("data", new JsonArray())) {
      if (item instanceof JsonObject r && username.equals(r.getString("username"))
          && (target == null || target.equals(r.getJsonObject("replied_to", new JsonObject()).getString("id")))
          && text.strip().equals(String.valueOf(r.getString("text")).strip())) {
        LOG.info("threads reply already made account={} id={}", account, r.getString("id"));
        return r.getString("id");
      }
    }
    return null;
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
