package io.earshot.connector.threads;

import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Maps Threads media objects (replies and mentioning posts) to Earshot's domain records. */
final class ThreadsMapper {
  /** The fields read of every reply and mention. */
  static final String FIELDS = "id,text,username,timestamp,media_product_type,is_reply,replied_to,root_post,"
      + "hide_status,permalink";
  /** Threads writes offsets without a colon ({@code +0000}), as Graph does. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private ThreadsMapper() {
  }

  /**
   * A reply under the brand's post, or ({@code mention}) a post that tags the brand, as a
   * {@link Mention}; throws when something a reply needs is missing, so the caller skips and counts
   * it. Threads names authors by username only (no user id for other profiles), so the username is
   * the author id. A reply answering the brand's post itself answers no stored mention
   * ({@code inReplyTo} null); a reply to a reply answers that reply.
   */
  static Mention mention(String account, JsonObject m, boolean mention) {
    String id = Objects.requireNonNull(m.getString("id"), "id");
    String username = Objects.requireNonNull(m.getString("username"), "username");
    Instant created = parse(Objects.requireNonNull(m.getString("timestamp"), "timestamp"));
    String root = idOf(m.getJsonObject("root_post"));
    String parent = idOf(m.getJsonObject("replied_to"));
    String inReplyTo = mention || parent == null || parent.equals(root) ? null : parent;
    Map<String, String> meta = new HashMap<>();
    if (root != null) {
      meta.put("postId", root);
    }
    if (mention) {
      meta.put("mention", "true");
    }
    meta.put("hideStatus", m.getString("hide_status", "NOT_HUSHED"));
    Author author = new Author(username, username, username, 0, false);
    return Mention.incoming(Platform.THREADS, account, id, author, m.getString("text", ""), created, inReplyTo,
        m.getString("permalink"), null, meta);
  }

  /** Graph's {@code +0000} or ISO-8601's {@code Z}/{@code +00:00}: both occur in Meta's answers. */
  static Instant parse(String time) {
    try {
      return OffsetDateTime.parse(time, TIME).toInstant();
    } catch (RuntimeException notGraphStyle) {
      return OffsetDateTime.parse(time).toInstant();
    }
  }

  /**
   * Likes, reposts, replies and quotes of a brand reply from {@code /insights}
   * ({@code data: [{name, values: [{value}]}]}); views are the impressions.
   */
  static Engagement engagement(JsonObject insights) {
    Map<String, Long> v = new HashMap<>();
    for (Object item : insights.getJsonArray("data", new JsonArray())) {
      if (item instanceof JsonObject metric) {
        JsonArray values = metric.getJsonArray("values", new JsonArray());
        long value = values.isEmpty() ? 0 : values.getJsonObject(0).getLong("value", 0L);
        v.put(metric.getString("name"), value);
      }
    }
    return new Engagement(v.getOrDefault("likes", 0L), v.getOrDefault("reposts", 0L), v.getOrDefault("replies", 0L),
        v.get("quotes"), v.get("views"), Instant.now());
  }

  private static String idOf(JsonObject ref) {
    return ref == null ? null : ref.getString("id");
  }
}
