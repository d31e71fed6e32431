package io.earshot.connector.meta;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Instagram @mentions of the brand in other people's posts: a webhook {@code mentions} change names
 * a {@code media_id} (a caption mention) or also a {@code comment_id} (a comment mention), and
 * Graph gives the post or comment only through the brand's own node
 * ({@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(…){…}} or
 * {@code mentioned_media.media_id(…){…}}): there is no list of mentions to poll. Meta does not
 * say who wrote a mentioning comment (its fields are {@code id, text, timestamp, like_count,
 * media}), so such a mention's author is that comment alone ({@code mention:<comment id>}, handle
 * {@code unknown}); a caption mention's author is the post's {@code username}. Futures fail with
 * {@link io.earshot.connector.ConnectorException} subtypes as {@link GraphClient} maps them.
 */
final class MetaMentions {
  static final String COMMENT_FIELDS = "id,text,timestamp,like_count,media{id,permalink,username}";
  static final String MEDIA_FIELDS = "id,caption,timestamp,username,permalink,like_count";
  private final GraphClient graph;
  private final String account;

  MetaMentions(GraphClient graph, String account) {
    this.graph = graph;
    this.account = account;
  }

  /** The mention a {@code mentions} change's value announces, read from Graph. */
  Future<Mention> read(String igUserId, JsonObject value) {
    String commentId = value.getValue("comment_id") == null ? null : String.valueOf(value.getValue("comment_id"));
    String mediaId = String.valueOf(Objects.requireNonNull(value.getValue("media_id"), "media_id"));
    if (commentId != null) {
      return graph.get("/" + igUserId, Map.of("fields", "mentioned_comment.comment_id(" + commentId + "){"
          + COMMENT_FIELDS + "}")).map(r -> comment(r.getJsonObject("mentioned_comment", new JsonObject()), mediaId));
    }
    return graph.get("/" + igUserId, Map.of("fields", "mentioned_media.media_id(" + mediaId + "){" + MEDIA_FIELDS + "}"))
        .map(r -> caption(r.getJsonObject("mentioned_media", new JsonObject())));
  }

  private Mention comment(JsonObject c, String mediaId) {
    String id = Objects.requireNonNull(c.getString("id"), "mentioned_comment.id");
    JsonObject media = c.getJsonObject("media", new JsonObject());
    String owner = media.getString("username", "");
    Author unknown = new Author("mention:" + id, "unknown", owner.isEmpty() ? "someone on Instagram"
        : "someone on @" + owner + "'s post", 0, false);
    return Mention.incoming(Platform.INSTAGRAM, account, id, unknown, Objects.requireNonNullElse(c.getString("text"), ""),
        MetaMapper.parse(Objects.requireNonNull(c.getString("timestamp"), "timestamp")), null,
        media.getString("permalink"), null, meta("comment", media.getString("id", mediaId), id, c));
  }

  private Mention caption(JsonObject m) {
    String id = Objects.requireNonNull(m.getString("id"), "mentioned_media.id");
    String username = Objects.requireNonNull(m.getString("username"), "username");
    Author author = new Author(username, username, username, 0, false);
    return Mention.incoming(Platform.INSTAGRAM, account, id, author, Objects.requireNonNullElse(m.getString("caption"), ""),
        MetaMapper.parse(Objects.requireNonNull(m.getString("timestamp"), "timestamp")), null, m.getString("permalink"),
        null, meta("caption", id, null, m));
  }

  /** {@code mention}: where the brand was named; {@code mediaId}/{@code commentId}: what a reply would answer. */
  private static Map<String, String> meta(String where, String mediaId, String commentId, JsonObject node) {
    Map<String, String> meta = new HashMap<>();
    meta.put("mention", where);
    meta.put("mediaId", mediaId);
    if (commentId != null) {
      meta.put("commentId", commentId);
    }
    meta.put("likeCount", String.valueOf(node.getLong("like_count", 0L)));
    return meta;
  }
}
