package io.earshot.connector.meta;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Maps Graph comments to Earshot's domain records. */
final class MetaMapper {
  /** Graph writes offsets without a colon ({@code +0000}). */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private MetaMapper() {
  }

  /**
   * A comment as a {@link Mention}; throws when something a reply needs is missing, so the caller
   * skips and counts it. {@code parentId} is the comment it answers (Instagram gives it by nesting,
   * Facebook in {@code parent}); {@code meta.threadRoot} is the top-level comment, where the brand's
   * reply goes (both networks show one level of replies).
   */
  static Mention mention(MetaSurface surface, String account, String postId, JsonObject c, String parentId) {
    String id = Objects.requireNonNull(c.getString("id"), "id");
    JsonObject from = Objects.requireNonNull(c.getJsonObject("from"), "from");
    String authorId = Objects.requireNonNull(from.getString("id"), "from.id");
    String handle = surface == MetaSurface.FACEBOOK ? from.getString("name", "")
        : Objects.requireNonNull(c.getString("username", from.getString("username")), "username");
    String created = Objects.requireNonNull(c.getString(surface == MetaSurface.FACEBOOK ? "created_time" : "timestamp"),
        "created_time");
    String text = Objects.requireNonNullElse(surface.text(c), "");
    Map<String, String> meta = new HashMap<>();
    meta.put("postId", postId);
    meta.put("threadRoot", parentId == null ? id : parentId);
    meta.put("likeCount", String.valueOf(c.getLong("like_count", 0L)));
    Author author = new Author(authorId, handle, from.getString("name", handle), 0, false);
    return Mention.incoming(surface.platform(), account, id, author, text, parse(created), parentId,
        c.getString("permalink_url"), null, meta);
  }

  static Instant parse(String time) {
    return OffsetDateTime.parse(time, TIME).toInstant();
  }

  /** Likes and replies of a brand reply; Instagram comments count no replies of their own. */
  static Engagement engagement(JsonObject c) {
    return new Engagement(c.getLong("like_count", 0L), 0, c.getLong("comment_count", 0L), Instant.now());
  }
}
