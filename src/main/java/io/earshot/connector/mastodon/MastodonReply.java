package io.earshot.connector.mastodon;

import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The body of a Mastodon status that answers a mention, or a stand-alone brand post. */
final class MastodonReply {
  private MastodonReply() {
  }

  /**
   * Mastodon only notifies and threads for the people @-mentioned in the text, so a reply starts
   * with the author's acct unless the agent already wrote it. The visibility follows the
   * original: answering a direct message publicly would leak the customer's words.
   */
  static JsonObject body(OutgoingPost post) {
    Mention to = post.inReplyTo();
    if (to == null) {
      return new JsonObject().put("status", post.text()).put("visibility", "public");
    }
    String acct = to.meta().getOrDefault("acct", to.author().handle());
    String handle = "@" + acct;
    String text = post.text().toLowerCase(Locale.ROOT).contains(handle.toLowerCase(Locale.ROOT))
        ? post.text() : handle + " " + post.text();
    return new JsonObject().put("status", text).put("in_reply_to_id", to.externalId())
        .put("visibility", to.meta().getOrDefault("visibility", "public"));
  }
}
