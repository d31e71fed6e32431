package io.earshot.connector.threads;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where catch-up stands: the recent posts this round visits ({@code round}, listed when it began),
 * for each recent post, the {@code after} cursor of the last reply read in
 * its {@code /conversation} (oldest first); which source the round reads next ({@code turn}: the
 * posts oldest first, then the mentions); and the mentions walk: the {@code since} second it reads
 * from, the page cursor of a walk under way, the newest second that walk saw, and the ids already
 * read at the {@code since} second (Threads' {@code since} includes it) and those a walk saw at
 * its newest second. Immutable; encoded as
 * base64url JSON so the runner stores it as an opaque string.
 */
record ThreadsCursor(JsonObject posts, List<String> round, int turn, Mentions mentions) {

  ThreadsCursor {
    round = List.copyOf(round);
  }

  /** The mentions walk; {@code after} is null between walks. */
  record Mentions(long since, String after, long newest, List<String> seenAtSince, List<String> atNewest) {
    static final Mentions START = new Mentions(0, null, 0, List.of(), List.of());

    Mentions {
      seenAtSince = List.copyOf(seenAtSince);
      atNewest = List.copyOf(atNewest);
    }

    JsonObject json() {
      JsonObject o = new JsonObject().put("s", since).put("n", newest).put("i", new JsonArray(seenAtSince))
          .put("w", new JsonArray(atNewest));
      if (after != null) {
        o.put("a", after);
      }
      return o;
    }

    static Mentions of(JsonObject o) {
      if (o == null) {
        return START;
      }
      return new Mentions(o.getLong("s", 0L), o.getString("a"), o.getLong("n", 0L), ids(o, "i"), ids(o, "w"));
    }

    static List<String> ids(JsonObject o, String key) {
      List<String> ids = new ArrayList<>();
      o.getJsonArray(key, new JsonArray()).forEach(id -> ids.add(String.valueOf(id)));
      return ids;
    }
  }

  static ThreadsCursor parse(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return new ThreadsCursor(new JsonObject(), List.of(), 0, Mentions.START);
    }
    try {
      JsonObject o = new JsonObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (o.getInteger("v", 0) != 1 || !"threads".equals(o.getString("k"))) {
        throw new IllegalArgumentException("not a Threads cursor");
      }
      return new ThreadsCursor(o.getJsonObject("p", new JsonObject()), Mentions.ids(o, "r"), o.getInteger("t", 0),
          Mentions.of(o.getJsonObject("m")));
    } catch (RuntimeException unreadable) {
      throw new IllegalArgumentException("not a Threads cursor", unreadable);
    }
  }

  /** The {@code after} cursor of the post's conversation, null before its first reply was read. */
  String after(String postId) {
    return posts.getString(postId);
  }

  ThreadsCursor withAfter(String postId, String after) {
    JsonObject next = posts.copy();
    if (after != null) {
      next.put(postId, after);
    }
    return new ThreadsCursor(next, round, turn, mentions);
  }

  ThreadsCursor withTurn(int next) {
    return new ThreadsCursor(posts, round, next, mentions);
  }

  ThreadsCursor withMentions(Mentions next) {
    return new ThreadsCursor(posts, round, turn, next);
  }

  /**
   * A new round over {@code postIds} (the recent posts, oldest first): only they keep their
   * cursors; older posts are no longer watched.
   */
  ThreadsCursor retain(List<String> postIds) {
    JsonObject next = new JsonObject();
    postIds.forEach(id -> {
      if (posts.containsKey(id)) {
        next.put(id, posts.getString(id));
      }
    });
    return new ThreadsCursor(next, postIds, turn, mentions);
  }

  String encode() {
    JsonObject o = new JsonObject().put("v", 1).put("k", "threads").put("p", posts).put("r", new JsonArray(round))
        .put("t", turn)
        .put("m", mentions.json());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(o.encode().getBytes(StandardCharsets.UTF_8));
  }
}
