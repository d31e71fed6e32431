package io.earshot.connector.bluesky;

import io.earshot.connector.OutgoingPost;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.http.TextCount;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Builds {@code app.bsky.feed.post} records. Bluesky renders links and mentions only through
 * facets, whose ranges are UTF-8 byte offsets (not chars, not graphemes), and a reply must name
 * both the thread root and the direct parent as strong refs (uri + cid).
 */
final class BlueskyPost {
  static final int MAX_GRAPHEMES = 300;
  static final int MAX_BYTES = 3000;

  private BlueskyPost() {
  }

  /**
   * The record for {@code post}; {@code dids} maps every handle in the text that could be
   * resolved (lower-case) to its DID. {@code langs} is the reply's own language when
   * {@link ReplyLanguage} is sure of it, and absent otherwise, never the customer's tag.
   */
  static JsonObject record(OutgoingPost post, Map<String, String> dids) {
    JsonObject record = new JsonObject().put("$type", "app.bsky.feed.post").put("text", post.text())
        .put("createdAt", Instant.now().toString());
    JsonArray facets = BlueskyFacets.of(post.text(), dids);
    if (!facets.isEmpty()) {
      record.put("facets", facets);
    }
    ReplyLanguage.of(post.text()).ifPresent(lang -> record.put("langs", new JsonArray().add(lang)));
    Mention to = post.inReplyTo();
    if (to != null) {
      record.put("reply", new JsonObject()
          .put("root", ref(to.meta().getOrDefault("rootUri", to.externalId()),
              to.meta().getOrDefault("rootCid", to.meta().get("cid"))))
          .put("parent", ref(to.externalId(), to.meta().get("cid"))));
    }
    return record;
  }

  /**
   * A public answer to a private message: a new post naming the customer (a mention facet
   * notifies them), never a reply, since a direct message has no post to reply to.
   */
  static OutgoingPost naming(OutgoingPost post) {
    String handle = post.inReplyTo().author().handle();
    String text = post.text().toLowerCase(java.util.Locale.ROOT).contains("@" + handle.toLowerCase(java.util.Locale.ROOT))
        ? post.text() : "@" + handle + " " + post.text();
    return new OutgoingPost(post.idempotencyKey(), text, null);
  }

  /** The customer being answered: a handle whose DID needs no lookup. */
  static Map<String, String> known(OutgoingPost post) {
    Mention to = post.inReplyTo();
    return to == null ? Map.of() : Map.of(to.author().handle().toLowerCase(java.util.Locale.ROOT), to.author().id());
  }

  static ReplyCheck check(String text) {
    int graphemes = TextCount.graphemes(text);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return new ReplyCheck(graphemes, MAX_GRAPHEMES, false,
          "is " + bytes + " bytes; Bluesky allows " + MAX_BYTES);
    }
    return ReplyCheck.fits(graphemes, MAX_GRAPHEMES);
  }

  private static JsonObject ref(String uri, String cid) {
    return new JsonObject().put("uri", uri).put("cid", cid);
  }
}
