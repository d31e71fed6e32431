package io.earshot.connector.meta;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;

/**
 * Where catch-up stands on each recent post: the Graph {@code after} cursor of the last comment
 * read, the post's change marker when it was last read to the end, and for Instagram how many
 * comments and replies were read ({@code known}) and where a re-read stands ({@code rescan}).
 * Immutable; encoded as base64url JSON so the runner stores it as an opaque string.
 */
record MetaCursor(JsonObject posts) {

  /** One post's state; {@code rescan} is null unless a re-read is under way ("" = from the start). */
  record PostState(String after, String marker, long known, String rescan) {
    static final PostState NEW = new PostState(null, null, 0, null);

    JsonObject json() {
      JsonObject o = new JsonObject().put("k", known);
      putIf(o, "a", after);
      putIf(o, "m", marker);
      putIf(o, "r", rescan);
      return o;
    }

    static PostState of(JsonObject o) {
      return o == null ? NEW : new PostState(o.getString("a"), o.getString("m"), o.getLong("k", 0L), o.getString("r"));
    }

    private static void putIf(JsonObject o, String key, String value) {
      if (value != null) {
        o.put(key, value);
      }
    }
  }

  static MetaCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new MetaCursor(new JsonObject());
    }
    try {
      JsonObject o = new JsonObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      return new MetaCursor(o.getJsonObject("p", new JsonObject()));
    } catch (RuntimeException unreadable) {
      throw new IllegalArgumentException("not a Meta cursor", unreadable);
    }
  }

  PostState of(String postId) {
    return PostState.of(posts.getJsonObject(postId));
  }

  MetaCursor with(String postId, PostState state) {
    JsonObject next = posts.copy();
    next.put(postId, state.json());
    return new MetaCursor(next);
  }

  /** Only the posts still among the recent ones; older posts are no longer watched. */
  MetaCursor retain(Collection<String> postIds) {
    JsonObject next = new JsonObject();
    postIds.forEach(id -> {
      if (posts.containsKey(id)) {
        next.put(id, posts.getJsonObject(id).copy());
      }
    });
    return new MetaCursor(next);
  }

  String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new JsonObject().put("v", 1).put("p", posts).encode().getBytes(StandardCharsets.UTF_8));
  }
}
