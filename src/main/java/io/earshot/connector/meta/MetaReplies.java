package io.earshot.connector.meta;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brand's side of a comment thread: replying, reading what its replies earned, hiding and
 * deleting. Graph has no idempotency key, so before every reply the brand's replies already under
 * the comment are read, and one with the same words is taken for the reply a lost answer hid
 * (Graph replies are free, the extra read costs one request). Limit: two intents with identical
 * text under one comment count as one.
 */
final class MetaReplies {
  private static final Logger LOG = LoggerFactory.getLogger(MetaReplies.class);
  private final GraphClient graph;
  private final MetaSurface surface;
  private final String account;

  MetaReplies(GraphClient graph, MetaSurface surface, String account) {
    this.graph = graph;
    this.surface = surface;
    this.account = account;
  }

  /**
   * A reply goes under the comment's thread root: Facebook and Instagram both show one level of
   * replies, and a reply to a reply lands in the same thread. A stand-alone post goes to the
   * Page's feed; Instagram has no text-only post, so one is refused.
   */
  Future<String> publish(OutgoingPost post, String ownerId, String brandId) {
    Mention to = post.inReplyTo();
    if (to == null) {
      return surface == MetaSurface.INSTAGRAM
          ? Future.failedFuture(new ConnectorException.Rejected("Instagram posts need an image or video"))
          : graph.post("/" + ownerId + "/feed", Map.of("message", post.text())).map(r -> r.getString("id"));
    }
    if (to.meta().containsKey("mention")) {
      // The brand cannot comment under someone else's post through /replies; Meta's way is
      // POST /{ig-user-id}/mentions, which has no way to find a reply a lost answer hid.
      return Future.failedFuture(new ConnectorException.Rejected("replying to an Instagram @mention is not built"
          + " (Meta's POST /{ig-user-id}/mentions has no idempotent retry); answer it in the Instagram app"));
    }
    String target = to.meta().getOrDefault("threadRoot", to.externalId());
    return existing(target, brandId, post.text())
        .compose(found -> found != null ? Future.succeededFuture(found) : reply(target, post.text()))
        .onSuccess(id -> LOG.info("meta replied account={} comment={} reply={}", account, target, id));
  }

  private Future<String> reply(String target, String text) {
    return graph.post("/" + target + "/" + surface.replyEdge, Map.of("message", text)).map(r -> r.getString("id"));
  }

  /** The brand's earlier reply with these words under {@code target}, or null. */
  private Future<String> existing(String target, String brandId, String text) {
    return graph.get("/" + target + "/" + surface.replyEdge, surface.replyQuery()).map(page -> {
      for (Object item : page.getJsonArray("data", new JsonArray())) {
        if (item instanceof JsonObject r && brandId.equals(r.getJsonObject("from", new JsonObject()).getString("id"))
            && text.strip().equals(String.valueOf(surface.text(r)).strip())) {
          LOG.info("meta reply already made account={} comment={} reply={}", account, target, r.getString("id"));
          return r.getString("id");
        }
      }
      return null;
    });
  }

  /** Counts by id; a reply deleted since is simply left out. */
  Future<Map<String, Engagement>> engagement(List<String> ids) {
    String fields = surface == MetaSurface.FACEBOOK ? "id,like_count,comment_count" : "id,like_count";
    List<Future<JsonObject>> reads = new ArrayList<>();
    ids.forEach(id -> reads.add(graph.get("/" + id, Map.of("fields", fields))
        .recover(e -> e instanceof ConnectorException.Rejected ? Future.succeededFuture(null) : Future.failedFuture(e))));
    return Future.all(reads).map(all -> {
      Map<String, Engagement> out = new HashMap<>();
      reads.forEach(f -> {
        if (f.result() != null && f.result().getString("id") != null) {
          out.put(f.result().getString("id"), MetaMapper.engagement(f.result()));
        }
      });
      return out;
    });
  }

  Future<Void> hide(String commentId, boolean hidden) {
    return graph.post("/" + commentId, surface.hideQuery(hidden)).mapEmpty();
  }

  /**
   * Graph answers code 100 for a comment that no longer exists (deleted by its author, or by an
   * earlier attempt whose answer was lost): the comment is gone, which is what was asked.
   */
  Future<Void> delete(String commentId) {
    return graph.delete("/" + commentId).<Void>mapEmpty().recover(e -> e instanceof ConnectorException.Rejected
        && e.getMessage().contains("(code 100)") ? Future.succeededFuture() : Future.failedFuture(e));
  }
}
