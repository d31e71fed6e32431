package io.earshot.demo.emulator.threads;

import io.earshot.demo.emulator.threads.ThreadsState.Media;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Threads API shapes: only the fields asked for (the default is {@code id}), times as
 * {@code 2026-12-01T15:33:38+0000}, ids as strings, opaque base64 cursors, {@code paging} with
 * {@code next} only while more remain, and Meta's error object.
 */
final class ThreadsJson {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
  static final Set<String> MEDIA_FIELDS = Set.of("id", "text", "username", "timestamp", "media_product_type",
      "media_type", "permalink", "shortcode", "is_quote_post", "has_replies", "root_post", "replied_to", "is_reply",
      "is_reply_owned_by_me", "hide_status", "reply_audience");

  private ThreadsJson() {
  }

  /** The fields asked for; throws when one is no field of a Threads media object. */
  static Set<String> fields(String raw) {
    Set<String> fields = new LinkedHashSet<>(raw == null || raw.isBlank() ? List.of("id")
        : Arrays.stream(raw.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList());
    for (String f : fields) {
      if (!MEDIA_FIELDS.contains(f)) {
        throw new ThreadsError(100, "(#100) Tried accessing nonexisting field (" + f + ") on node type (ThreadsMedia)");
      }
    }
    return fields;
  }

  static JsonObject media(Media m, Set<String> fields) {
    JsonObject o = new JsonObject();
    for (String f : fields) {
      switch (f) {
        case "id" -> o.put("id", m.id);
        case "text" -> o.put("text", m.text);
        case "username" -> putIf(o, "username", m.username);
        case "timestamp" -> o.put("timestamp", m.malformed ? "yesterday-ish" : TIME.format(m.created));
        case "media_product_type" -> o.put(f, "THREADS");
        case "media_type" -> o.put(f, "TEXT_POST");
        case "permalink" -> o.put(f, "https://www.threads.com/@" + (m.username == null ? "unknown" : m.username)
            + "/post/" + m.id);
        case "shortcode" -> o.put(f, Long.toString(m.seq, 36));
        case "is_quote_post" -> o.put(f, false);
        case "has_replies" -> o.put(f, false);
        case "root_post" -> putIf(o, f, m.root == null ? null : new JsonObject().put("id", m.root.id));
        case "replied_to" -> putIf(o, f, m.repliedTo == null ? null : new JsonObject().put("id", m.repliedTo.id));
        case "is_reply" -> o.put(f, m.repliedTo != null);
        case "is_reply_owned_by_me" -> o.put(f, m.repliedTo != null && m.byBrand());
        case "hide_status" -> o.put(f, m.repliedTo == null ? "NOT_HUSHED" : m.hidden ? "HIDDEN" : "NOT_HUSHED");
        case "reply_audience" -> o.put(f, "EVERYONE");
        default -> { }
      }
    }
    return o;
  }

  /**
   * One page over {@code slice} (tombstones included): the live media as data, cursors at the
   * slice's ends, {@code next} only when more follow. A slice of tombstones only is an empty page
   * that still pages on.
   */
  static JsonObject page(List<Media> slice, Set<String> fields, boolean more, String nextUrl) {
    JsonArray data = new JsonArray();
    slice.stream().filter(m -> !m.deleted).forEach(m -> data.add(media(m, fields)));
    JsonObject body = new JsonObject().put("data", data);
    if (!slice.isEmpty()) {
      String after = cursor(slice.get(slice.size() - 1).seq);
      JsonObject paging = new JsonObject().put("cursors",
          new JsonObject().put("before", cursor(slice.get(0).seq)).put("after", after));
      if (more) {
        paging.put("next", nextUrl + "&after=" + after);
      }
      body.put("paging", paging);
    }
    return body;
  }

  static String cursor(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("t" + seq).getBytes(StandardCharsets.UTF_8));
  }

  /** The seq a cursor points at (0 for none); throws for a cursor that is none of ours. */
  static long cursorKey(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith("t")) {
        return Long.parseLong(raw.substring(1));
      }
    } catch (IllegalArgumentException unreadable) {
      // falls through to the refusal
    }
    throw new ThreadsError(100, "(#100) The after parameter is not a valid cursor");
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
