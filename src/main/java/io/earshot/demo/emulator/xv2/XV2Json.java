package io.earshot.demo.emulator.xv2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * X v2's response shapes, as strict as X: a post has only {@code id}, {@code text} and
 * {@code edit_history_tweet_ids} unless {@code tweet.fields} asks for more, a user only
 * {@code id}, {@code name}, {@code username}; {@code includes.users} appears only with
 * {@code expansions=author_id}; an empty page has no {@code data}, only {@code meta}; errors are
 * problem documents.
 */
final class XV2Json {
  private static final Set<String> TWEET_FIELDS = Set.of("id", "text", "edit_history_tweet_ids", "attachments", "author_id", "context_annotations",
      "conversation_id", "created_at", "edit_controls", "entities", "geo", "in_reply_to_user_id", "lang",
      "note_tweet", "possibly_sensitive", "public_metrics", "referenced_tweets", "reply_settings", "source",
      "withheld");
  private static final Set<String> USER_FIELDS = Set.of("id", "name", "username", "most_recent_tweet_id", "entities",
      "created_at", "description", "location", "pinned_tweet_id",
      "profile_image_url", "protected", "public_metrics", "url", "verified", "verified_type", "withheld");

  private XV2Json() {
  }

  /** The requested fields, or the name of the first one X does not know (an invalid request). */
  static Object fields(RoutingContext ctx, String param, boolean tweets) {
    String raw = ctx.request().getParam(param, "");
    List<String> asked = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    Set<String> known = tweets ? TWEET_FIELDS : USER_FIELDS;
    return asked.stream().filter(f -> !known.contains(f)).findFirst().<Object>map(f -> f)
        .orElse(Set.copyOf(asked));
  }

  static JsonObject post(JsonObject stored, Set<String> fields) {
    JsonObject out = new JsonObject().put("id", stored.getString("id")).put("text", stored.getString("text"))
        .put("edit_history_tweet_ids", stored.getJsonArray("edit_history_tweet_ids"));
    fields.forEach(f -> {
      if (stored.containsKey(f)) {
        out.put(f, stored.getValue(f));
      }
    });
    return out;
  }

  static JsonObject user(JsonObject stored, Set<String> fields) {
    JsonObject out = new JsonObject().put("id", stored.getString("id")).put("name", stored.getString("name"))
        .put("username", stored.getString("username"));
    fields.forEach(f -> {
      if (stored.containsKey(f)) {
        out.put(f, stored.getValue(f));
      }
    });
    return out;
  }

  /** A page body: data (when any), includes.users (with the expansion), meta with counts and tokens. */
  static JsonObject page(List<JsonObject> posts, Set<String> tweetFields, boolean expandAuthors,
                         Function<String, JsonObject> users, Set<String> userFields, String nextToken) {
    JsonObject body = new JsonObject();
    JsonObject meta = new JsonObject().put("result_count", posts.size());
    if (!posts.isEmpty()) {
      body.put("data", new JsonArray(posts.stream().map(p -> post(p, tweetFields)).toList()));
      meta.put("newest_id", posts.get(0).getString("id")).put("oldest_id", posts.get(posts.size() - 1).getString("id"));
      if (expandAuthors) {
        Map<String, JsonObject> authors = new LinkedHashMap<>();
        posts.forEach(p -> {
          JsonObject u = users.apply(p.getString("author_id"));
          if (u != null && !u.getBoolean("suspended", false)) {
            authors.putIfAbsent(u.getString("id"), user(u, userFields));
          }
        });
        body.put("includes", new JsonObject().put("users", new JsonArray(List.copyOf(authors.values()))));
      }
    }
    if (nextToken != null) {
      meta.put("next_token", nextToken);
    }
    return body.put("meta", meta);
  }

  static void problem(RoutingContext ctx, int status, String title, String detail, String type) {
    json(ctx, status, new JsonObject().put("title", title).put("detail", detail).put("type", type).put("status", status));
  }

  /** 400 for a bad parameter, with the {@code errors} array X adds to it. */
  static void invalid(RoutingContext ctx, String parameter, String message) {
    JsonObject error = new JsonObject().put("parameters", new JsonObject().put(parameter,
        new JsonArray().add(ctx.request().getParam(parameter, "")))).put("message", message);
    json(ctx, 400, new JsonObject().put("errors", new JsonArray().add(error)).put("title", "Invalid Request")
        .put("detail", "One or more parameters to your request was invalid.")
        .put("type", "https://api.twitter.com/2/problems/invalid-request"));
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  static String joined(Set<String> values) {
    return values.stream().sorted().collect(Collectors.joining(","));
  }
}
