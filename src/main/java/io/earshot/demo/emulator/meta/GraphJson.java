package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Post;
import io.earshot.demo.emulator.meta.MetaState.Surface;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Graph API shapes: only the fields asked for ({@code fields=a,b{c,d}}) and the node's defaults
 * otherwise, times as {@code 2026-12-01T15:33:38+0000} (no colon, as Graph writes them), opaque
 * base64 cursors, {@code paging} with {@code next} only while more remain, and the error object.
 */
final class GraphJson {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
  static final Set<String> FB_COMMENT = Set.of("id", "message", "from", "created_time", "parent", "like_count",
      "comment_count", "is_hidden", "permalink_url", "can_reply_privately");
  static final Set<String> IG_COMMENT = Set.of("id", "text", "from", "username", "timestamp", "parent_id",
      "like_count", "hidden", "replies", "media");
  static final Set<String> FB_POST = Set.of("id", "message", "created_time", "updated_time", "permalink_url",
      "comments");
  static final Set<String> IG_MEDIA = Set.of("id", "caption", "timestamp", "comments_count", "like_count",
      "permalink", "media_type");

  private GraphJson() {
  }

  /** Field names by top level; a nested selection {@code replies{id,text}} keeps its inner list. */
  static Map<String, String> fields(String raw, String defaults) {
    String spec = raw == null || raw.isBlank() ? defaults : raw;
    Map<String, String> out = new LinkedHashMap<>();
    int depth = 0;
    StringBuilder name = new StringBuilder();
    StringBuilder inner = new StringBuilder();
    for (char ch : (spec + ",").toCharArray()) {
      if (ch == '{' && depth++ == 0) {
        continue;
      }
      if (ch == '}' && --depth == 0) {
        continue;
      }
      if (ch == ',' && depth == 0) {
        out.put(name.toString().trim().replaceAll("\\..*$", ""), inner.toString());
        name.setLength(0);
        inner.setLength(0);
        continue;
      }
      (depth > 0 ? inner : name).append(ch);
    }
    out.remove("");
    return out;
  }

  /** The first field a node does not have, or null: Graph refuses the whole request for it. */
  static String unknown(Map<String, String> fields, Set<String> known) {
    return fields.keySet().stream().filter(f -> !known.contains(f)).findFirst().orElse(null);
  }

  static JsonObject comment(Comment c, Map<String, String> fields, List<Comment> replies) {
    JsonObject o = new JsonObject();
    boolean fb = c.post.surface == Surface.FACEBOOK;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      switch (f.getKey()) {
        case "id" -> o.put("id", c.id);
        case "message" -> o.put("message", c.text);
        case "text" -> o.put("text", c.text);
        case "from" -> putFrom(o, c, fb);
        case "username" -> o.put("username", c.authorName);
        case "created_time", "timestamp" -> o.put(f.getKey(), c.malformed ? "yesterday-ish" : time(c.created));
        case "parent" -> putIf(o, "parent", c.parent == null ? null : new JsonObject().put("id", c.parent.id));
        case "parent_id" -> putIf(o, "parent_id", c.parent == null ? null : c.parent.id);
        case "like_count" -> o.put("like_count", c.likes);
        case "comment_count" -> o.put("comment_count", c.replies);
        case "is_hidden" -> o.put("is_hidden", c.hidden);
        case "hidden" -> o.put("hidden", c.hidden);
        case "permalink_url" -> o.put("permalink_url", "https://www.facebook.com/" + c.post.id + "?comment_id=" + c.id);
        case "can_reply_privately" -> o.put("can_reply_privately", true);
        case "media" -> o.put("media", new JsonObject().put("id", c.post.id));
        case "replies" -> putReplies(o, replies, fields(f.getValue(), "id,text,timestamp"));
        default -> { }
      }
    }
    return o;
  }

  private static void putFrom(JsonObject o, Comment c, boolean fb) {
    if (!c.malformed) {
      o.put("from", fb ? new JsonObject().put("name", c.authorName).put("id", c.authorId)
          : new JsonObject().put("id", c.authorId).put("username", c.authorName));
    }
  }

  private static void putReplies(JsonObject o, List<Comment> replies, Map<String, String> inner) {
    if (replies != null && !replies.isEmpty()) {
      JsonArray data = new JsonArray();
      replies.forEach(r -> data.add(comment(r, inner, null)));
      o.put("replies", new JsonObject().put("data", data));
    }
  }

  static JsonObject post(Post p, Map<String, String> fields) {
    JsonObject o = new JsonObject();
    for (String f : fields.keySet()) {
      switch (f) {
        case "id" -> o.put("id", p.id);
        case "message", "caption" -> o.put(f, p.caption);
        case "created_time", "timestamp" -> o.put(f, time(p.created));
        case "updated_time" -> o.put(f, time(p.updated));
        case "comments_count" -> o.put(f, p.comments);
        case "like_count" -> o.put(f, p.likes);
        case "permalink_url", "permalink" -> o.put(f, "https://www.example.com/p/" + p.id);
        case "media_type" -> o.put(f, "IMAGE");
        case "comments" -> o.put(f, new JsonObject().put("data", new JsonArray()).put("summary",
            new JsonObject().put("order", "chronological").put("total_count", p.comments).put("can_comment", true)));
        default -> { }
      }
    }
    return o;
  }

  /** One page of {@code items}: cursors at its ends, {@code next} only when more follow. */
  static JsonObject page(JsonArray data, String firstKey, String lastKey, boolean more, String nextUrl) {
    JsonObject body = new JsonObject().put("data", data);
    if (!data.isEmpty()) {
      JsonObject paging = new JsonObject().put("cursors",
          new JsonObject().put("before", cursor(firstKey)).put("after", cursor(lastKey)));
      if (more) {
        paging.put("next", nextUrl + "&after=" + cursor(lastKey));
      }
      body.put("paging", paging);
    }
    return body;
  }

  static String cursor(String key) {
    return Base64.getEncoder().encodeToString(("c" + key).getBytes(StandardCharsets.UTF_8)).replace("=", "");
  }

  /** The key a cursor points at; -1 when it is none of ours. */
  static long cursorKey(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      return raw.startsWith("c") ? Long.parseLong(raw.substring(1)) : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  static JsonObject error(String message, String type, int code, Integer subcode) {
    JsonObject e = new JsonObject().put("message", message).put("type", type).put("code", code);
    if (subcode != null) {
      e.put("error_subcode", subcode);
    }
    e.put("fbtrace_id", "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    return new JsonObject().put("error", e);
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  private static void putIf(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
