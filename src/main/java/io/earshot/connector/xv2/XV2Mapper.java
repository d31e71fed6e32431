package io.earshot.connector.xv2;

import io.earshot.connector.http.HtmlText;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Maps X v2 post objects (with {@code includes.users}) to Earshot's domain records. */
final class XV2Mapper {
  static final String TWEET_FIELDS = "author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,"
      + "entities,lang,note_tweet,public_metrics";
  static final String USER_FIELDS = "verified,public_metrics";

  private XV2Mapper() {
  }

  /** The page's users by id, from {@code includes.users}. */
  static Map<String, JsonObject> users(JsonObject page) {
    Map<String, JsonObject> out = new HashMap<>();
    JsonArray users = page.getJsonObject("includes", new JsonObject()).getJsonArray("users", new JsonArray());
    users.forEach(u -> {
      if (u instanceof JsonObject o && o.getString("id") != null) {
        out.put(o.getString("id"), o);
      }
    });
    return out;
  }

  /** A retweet carries no words of its own (and of the brand's own posts, no customer talking). */
  static boolean isRetweet(JsonObject post) {
    return referenced(post, "retweeted") != null;
  }

  /** Throws when a field a reply needs is missing, so the caller skips and counts the item. */
  static Mention mention(String accountName, JsonObject post, Map<String, JsonObject> users, String source) {
    String id = Objects.requireNonNull(post.getString("id"), "id");
    String authorId = Objects.requireNonNull(post.getString("author_id"), "author_id");
    JsonObject user = Objects.requireNonNull(users.get(authorId), "includes.users[" + authorId + "]");
    String username = Objects.requireNonNull(user.getString("username"), "username");
    long followers = user.getJsonObject("public_metrics", new JsonObject()).getLong("followers_count", 0L);
    Author author = new Author(authorId, username, user.getString("name", username), followers,
        user.getBoolean("verified", false));
    Instant created = OffsetDateTime.parse(Objects.requireNonNull(post.getString("created_at"), "created_at")).toInstant();
    Map<String, String> meta = new HashMap<>();
    meta.put("screenName", username);
    meta.put("source", source);
    if (post.getString("conversation_id") != null) {
      meta.put("conversationId", post.getString("conversation_id"));
    }
    return Mention.incoming(Platform.X, accountName, id, author, text(post), created,
        referenced(post, "replied_to"), "https://x.com/" + username + "/status/" + id, post.getString("lang"), meta);
  }

  /**
   * The words as a reader sees them: a long post's {@code note_tweet} text when present, X's
   * entity escaping decoded once, and every t.co link replaced by where it goes.
   */
  static String text(JsonObject post) {
    JsonObject note = post.getJsonObject("note_tweet");
    boolean longPost = note != null && note.getString("text") != null;
    String raw = Objects.requireNonNull(longPost ? note.getString("text") : post.getString("text"), "text");
    JsonObject entities = longPost ? note.getJsonObject("entities", new JsonObject()) : post.getJsonObject("entities", new JsonObject());
    String text = HtmlText.unescape(raw);
    for (Object u : entities.getJsonArray("urls", new JsonArray())) {
      if (u instanceof JsonObject url && url.getString("url") != null && url.getString("expanded_url") != null) {
        text = text.replace(url.getString("url"), url.getString("expanded_url"));
      }
    }
    return text;
  }

  static String referenced(JsonObject post, String type) {
    for (Object r : post.getJsonArray("referenced_tweets", new JsonArray())) {
      if (r instanceof JsonObject ref && type.equals(ref.getString("type"))) {
        return ref.getString("id");
      }
    }
    return null;
  }

  static boolean mentionsUser(JsonObject post, String userId) {
    for (Object m : post.getJsonObject("entities", new JsonObject()).getJsonArray("mentions", new JsonArray())) {
      if (m instanceof JsonObject o && userId.equals(o.getString("id"))) {
        return true;
      }
    }
    return false;
  }

  /** X v2's {@code public_metrics}: quotes and impressions are counted apart from reposts. */
  static Engagement engagement(JsonObject post) {
    JsonObject m = post.getJsonObject("public_metrics", new JsonObject());
    return new Engagement(m.getLong("like_count", 0L), m.getLong("retweet_count", 0L), m.getLong("reply_count", 0L),
        m.getLong("quote_count"), m.getLong("impression_count"), Instant.now());
  }
}
