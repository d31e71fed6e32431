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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@code app.bsky.feed.post} records. Bluesky renders links and mentions only through
 * facets, whose ranges are UTF-8 byte offsets (not chars, not graphemes), and a reply must name
 * both the thread root and the direct parent as strong refs (uri + cid).
 */
final class BlueskyPost {
  static final int MAX_GRAPHEMES = 300;
  static final int MAX_BYTES = 3000;
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\w@])@([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9-]+)+)");

  private BlueskyPost() {
  }

  static JsonObject record(OutgoingPost post) {
    JsonObject record = new JsonObject().put("$type", "app.bsky.feed.post").put("text", post.text())
        .put("createdAt", Instant.now().toString());
    Mention to = post.inReplyTo();
    Map<String, String> dids = to == null ? Map.of() : Map.of(to.author().handle(), to.author().id());
    JsonArray facets = facets(post.text(), dids);
    if (!facets.isEmpty()) {
      record.put("facets", facets);
    }
    if (to != null) {
      record.put("reply", new JsonObject()
          .put("root", ref(to.meta().getOrDefault("rootUri", to.externalId()),
              to.meta().getOrDefault("rootCid", to.meta().get("cid"))))
          .put("parent", ref(to.externalId(), to.meta().get("cid"))));
      if (to.lang() != null) {
        record.put("langs", new JsonArray().add(to.lang()));
      }
    }
    return record;
  }

  /**
   * Link facets for every URL; mention facets for handles whose DID we know (the customer being
   * answered). Other handles stay plain text rather than costing a resolveHandle call each.
   */
  static JsonArray facets(String text, Map<String, String> knownDids) {
    JsonArray facets = new JsonArray();
    Matcher urls = TextCount.URL.matcher(text);
    while (urls.find()) {
      facets.add(facet(text, urls.start(), urls.end(), new JsonObject()
          .put("$type", "app.bsky.richtext.facet#link").put("uri", urls.group())));
    }
    Matcher mentions = MENTION.matcher(text);
    while (mentions.find()) {
      String did = knownDids.get(mentions.group(1));
      if (did != null) {
        facets.add(facet(text, mentions.start(), mentions.end(), new JsonObject()
            .put("$type", "app.bsky.richtext.facet#mention").put("did", did)));
      }
    }
    return facets;
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

  private static JsonObject facet(String text, int start, int end, JsonObject feature) {
    int byteStart = utf8Length(text.substring(0, start));
    int byteEnd = byteStart + utf8Length(text.substring(start, end));
    return new JsonObject().put("index", new JsonObject().put("byteStart", byteStart).put("byteEnd", byteEnd))
        .put("features", new JsonArray().add(feature));
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static JsonObject ref(String uri, String cid) {
    return new JsonObject().put("uri", uri).put("cid", cid);
  }
}
