package io.earshot.connector.mastodon;

import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The body of a Mastodon status that answers a mention, or a stand-alone brand post. */
final class MastodonReply {
  private MastodonReply() {
  }

  /**
   * Mastodon only notifies and threads for the people @-mentioned in the text, so a reply starts
   * with the author's acct and every other participant the post named (as Mastodon's own
   * clients do), the brand itself excepted, unless the agent already wrote them. The visibility
   * follows the original (answering a direct message publicly would leak the customer's words),
   * and so does a content warning: the answer sits under the same warning as the post.
   */
  static JsonObject body(OutgoingPost post, String brandAcct) {
    Mention to = post.inReplyTo();
    if (to == null) {
      return new JsonObject().put("status", post.text()).put("visibility", "public");
    }
    String lower = post.text().toLowerCase(Locale.ROOT);
    String prefix = participants(to, brandAcct).stream()
        .filter(acct -> !lower.contains("@" + acct.toLowerCase(Locale.ROOT)))
        .map(acct -> "@" + acct).collect(Collectors.joining(" "));
    JsonObject body = new JsonObject().put("status", prefix.isEmpty() ? post.text() : prefix + " " + post.text())
        .put("in_reply_to_id", to.externalId())
        .put("visibility", to.meta().getOrDefault("visibility", "public"));
    String warning = to.meta().getOrDefault("spoilerText", "");
    if (!warning.isBlank()) {
      body.put("spoiler_text", warning).put("sensitive", true);
    }
    return body;
  }

  private static Set<String> participants(Mention to, String brandAcct) {
    Set<String> accts = new LinkedHashSet<>();
    accts.add(to.meta().getOrDefault("acct", to.author().handle()));
    Arrays.stream(to.meta().getOrDefault("mentions", "").split(" ")).filter(a -> !a.isBlank()).forEach(accts::add);
    accts.removeIf(a -> brandAcct != null && a.equalsIgnoreCase(brandAcct));
    return accts;
  }
}
