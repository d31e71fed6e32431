package io.earshot.connector.meta;

import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Graph account's conversations live and how its nodes are spelled: a Facebook Page
 * (posts on {@code feed}, comment text in {@code message}, every comment and reply in one
 * chronological {@code filter=stream}, replies through {@code /comments}) or an Instagram
 * professional account (posts on {@code media}, text in {@code text}, top-level comments with
 * their {@code replies}, replies through {@code /replies}).
 */
enum MetaSurface {
  FACEBOOK("feed", "id,updated_time,comments.filter(stream).limit(0).summary(true)",
      "id,message,from,created_time,parent{id},permalink_url,like_count,comment_count", "comments", 8_000),
  INSTAGRAM("media", "id,comments_count",
      "id,text,timestamp,from,username,like_count,replies{id,text,timestamp,from,username,like_count,parent_id}",
      "replies", 2_200);

  final String postsEdge;
  final String postFields;
  final String commentFields;
  final String replyEdge;
  final int limit;

  MetaSurface(String postsEdge, String postFields, String commentFields, String replyEdge, int limit) {
    this.postsEdge = postsEdge;
    this.postFields = postFields;
    this.commentFields = commentFields;
    this.replyEdge = replyEdge;
    this.limit = limit;
  }

  static MetaSurface of(Platform platform) {
    return platform == Platform.INSTAGRAM ? INSTAGRAM : FACEBOOK;
  }

  Platform platform() {
    return this == INSTAGRAM ? Platform.INSTAGRAM : Platform.FACEBOOK;
  }

  /**
   * What changes on a post when someone comments. Facebook's {@code updated_time} has whole
   * seconds, so a second comment in the same second would not change it; with the comment
   * count beside it, it does.
   */
  String marker(JsonObject post) {
    if (this == INSTAGRAM) {
      return String.valueOf(post.getLong("comments_count", 0L));
    }
    long total = post.getJsonObject("comments", new JsonObject()).getJsonObject("summary", new JsonObject())
        .getLong("total_count", 0L);
    return post.getString("updated_time", "") + "/" + total;
  }

  /** How many comments the post has; Instagram counts replies too. */
  long count(JsonObject post) {
    return this == INSTAGRAM ? post.getLong("comments_count", 0L) : 0;
  }

  /** The query for a post's comments after {@code after}, oldest first. */
  Map<String, String> commentQuery(String after, int pageSize) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", commentFields);
    q.put("limit", String.valueOf(pageSize));
    if (this == FACEBOOK) {
      q.put("filter", "stream");
      q.put("order", "chronological");
    }
    if (after != null && !after.isBlank()) {
      q.put("after", after);
    }
    return q;
  }

  /** The brand's replies under a comment, to find one made by an attempt whose answer was lost. */
  Map<String, String> replyQuery() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", this == FACEBOOK ? "id,message,from" : "id,text,from,username");
    q.put("limit", "100");
    if (this == FACEBOOK) {
      q.put("order", "reverse_chronological");
    }
    return q;
  }

  String text(JsonObject comment) {
    return comment.getString(this == FACEBOOK ? "message" : "text");
  }

  /** The query that hides (or shows) a comment: Facebook says {@code is_hidden}, Instagram {@code hide}. */
  Map<String, String> hideQuery(boolean hidden) {
    return Map.of(this == FACEBOOK ? "is_hidden" : "hide", String.valueOf(hidden));
  }
}
