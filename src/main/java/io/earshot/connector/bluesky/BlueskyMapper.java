package io.earshot.connector.bluesky;

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
import java.util.Set;

/** Maps atproto notification and post views to Earshot's domain records. */
final class BlueskyMapper {
  /** Reasons that carry a post addressed to the brand; likes, follows and reposts do not. */
  static final Set<String> POST_REASONS = Set.of("mention", "reply", "quote");

  private BlueskyMapper() {
  }

  /** Throws when a field a reply needs is missing, so the caller skips and counts the item. */
  static Mention mention(String accountName, JsonObject n) {
    String uri = Objects.requireNonNull(n.getString("uri"), "uri");
    JsonObject author = Objects.requireNonNull(n.getJsonObject("author"), "author");
    JsonObject record = Objects.requireNonNull(n.getJsonObject("record"), "record");
    String did = Objects.requireNonNull(author.getString("did"), "author.did");
    String handle = Objects.requireNonNull(author.getString("handle"), "author.handle");
    String text = Objects.requireNonNull(record.getString("text"), "record.text");
    JsonObject reply = record.getJsonObject("reply");
    Map<String, String> meta = new HashMap<>();
    meta.put("uri", uri);
    meta.put("cid", Objects.requireNonNull(n.getString("cid"), "cid"));
    meta.put("rootUri", reply == null ? uri : reply.getJsonObject("root").getString("uri"));
    meta.put("rootCid", reply == null ? n.getString("cid") : reply.getJsonObject("root").getString("cid"));
    meta.put("reason", n.getString("reason"));
    meta.put("handle", handle);
    String inReplyTo = reply == null ? null : reply.getJsonObject("parent").getString("uri");
    JsonArray langs = record.getJsonArray("langs");
    return Mention.incoming(Platform.BLUESKY, accountName, uri,
        new Author(did, handle, author.getString("displayName", handle), 0, false), text,
        instant(record.getString("createdAt", n.getString("indexedAt"))), inReplyTo,
        webUrl(handle, uri), langs == null || langs.isEmpty() ? null : langs.getString(0), meta);
  }

  /** Counts of a post view; Bluesky gives {@code quoteCount} but no views. */
  static Engagement engagement(JsonObject post) {
    return new Engagement(post.getLong("likeCount", 0L), post.getLong("repostCount", 0L),
        post.getLong("replyCount", 0L), post.getLong("quoteCount"), null, Instant.now());
  }

  /** atproto datetimes may carry an offset instead of Z and any number of fraction digits. */
  static Instant instant(String value) {
    return OffsetDateTime.parse(Objects.requireNonNull(value, "datetime")).toInstant();
  }

  private static String webUrl(String handle, String uri) {
    return "https://bsky.app/profile/" + handle + "/post/" + uri.substring(uri.lastIndexOf('/') + 1);
  }
}
