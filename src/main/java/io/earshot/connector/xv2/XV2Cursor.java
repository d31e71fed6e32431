package io.earshot.connector.xv2;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where each v2 stream (owned mentions, recent search) stands. v2 pages newest first: a poll
 * asks for everything after {@code since} (the newest id stored) and follows
 * {@code meta.next_token} down. X fills a page before it drops deleted, suspended and protected
 * posts, so pages come short, even empty, with more behind them; only a page without
 * {@code next_token} ends a walk. {@code since} moves up to the walk's {@code top} (the first
 * page's {@code meta.newest_id}) only then, so a restart in mid-walk resumes it and skips
 * nothing. Ids are kept as the strings X sends. Encoded as base64url JSON, opaque outside.
 * Direct messages ({@code dms}, with the account option {@code dm}) walk the same way, but
 * {@code GET /2/dm_events} has no {@code since_id}: the walk ends at the first event at or below
 * {@code since} instead ({@link #atOrBelow}). A cursor written before DMs existed reads as "no
 * DM read yet".
 */
record XV2Cursor(Walk mentions, Walk search, Walk dms) {
  static final XV2Cursor START = new XV2Cursor(Walk.START, Walk.START, Walk.START);

  XV2Cursor(Walk mentions, Walk search) {
    this(mentions, search, Walk.START);
  }

  /** One stream: ids and token null when absent. */
  record Walk(String since, String top, String token) {
    static final Walk START = new Walk(null, null, null);

    boolean walking() {
      return token != null;
    }

    /** After a page whose meta says {@code newest} (null when empty) and {@code next} (null at the end). */
    Walk after(String newest, String next) {
      String walkTop = walking() ? top : newest != null ? newest : since;
      if (next == null || next.equals(token)) {
        return new Walk(walkTop, null, null);
      }
      return new Walk(since, walkTop, next);
    }

    private JsonObject json() {
      return new JsonObject().put("since", since).put("top", top).put("token", token);
    }

    private static Walk of(JsonObject json) {
      return json == null ? START : new Walk(json.getString("since"), json.getString("top"), json.getString("token"));
    }
  }

  String encode() {
    JsonObject json = new JsonObject().put("v", 2).put("mentions", mentions.json()).put("search", search.json())
        .put("dms", dms.json());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  static XV2Cursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    if (cursor.startsWith("v1:")) {
      // An account moved from v1.1 to v2 carries on from the newest ids v1.1 stored.
      String[] parts = cursor.split(":");
      return new XV2Cursor(new Walk(seen(parts[1]), null, null), new Walk(seen(parts[2]), null, null));
    }
    JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    if (json.getInteger("v", 0) != 2) {
      throw new IllegalArgumentException("not an x v2 cursor");
    }
    return new XV2Cursor(Walk.of(json.getJsonObject("mentions")), Walk.of(json.getJsonObject("search")),
        Walk.of(json.getJsonObject("dms")));
  }

  /**
   * Whether X id {@code id} is at or below {@code since} (null: nothing is). X ids are snowflakes,
   * so a later event has a larger number; compared as decimal strings, never parsed, so any
   * length works. A non-numeric id (never seen from X) is treated as new.
   */
  static boolean atOrBelow(String id, String since) {
    if (since == null || id == null || !id.matches("[0-9]+") || !since.matches("[0-9]+")) {
      return false;
    }
    String a = id.replaceFirst("^0+(?=.)", "");
    String b = since.replaceFirst("^0+(?=.)", "");
    return a.length() != b.length() ? a.length() < b.length() : a.compareTo(b) <= 0;
  }

  private static String seen(String v1Walk) {
    String seen = v1Walk.split(",")[0];
    return seen.equals("0") ? null : seen;
  }
}
