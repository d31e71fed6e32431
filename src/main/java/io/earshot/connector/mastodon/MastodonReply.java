package io.earshot.connector.mastodon;

import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of a Mastodon status that answers a mention, or a stand-alone brand post. Three kinds
 * of answer:
 * <ul>
 *   <li>a private answer ({@code visibility: direct}) addresses the customer alone: a direct
 *       status is seen by everyone it mentions, so naming the thread's other participants would
 *       show them what the agent wrote for one person;</li>
 *   <li>a public answer to a private message is a new public status naming the customer, not a
 *       reply to the direct status (the link would announce the private conversation) and without
 *       its content warning (which is the customer's own private words);</li>
 *   <li>a public answer to a post keeps the thread: every participant, the post's visibility and
 *       its content warning.</li>
 * </ul>
 */
final class MastodonReply {
  private MastodonReply() {
  }

  static JsonObject body(OutgoingPost post, String brandAcct) {
    Mention to = post.inReplyTo();
    if (to == null) {
      return new JsonObject().put("status", post.text()).put("visibility", post.isPrivate() ? "direct" : "public");
    }
    if (post.isPrivate()) {
      return warned(to, addressed(post.text(), Set.of(acctOf(to))).put("in_reply_to_id", to.externalId())
          .put("visibility", "direct"));
    }
    if (to.isPrivate()) {
      return addressed(post.text(), Set.of(acctOf(to))).put("visibility", "public");
    }
    return warned(to, addressed(post.text(), participants(to, brandAcct)).put("in_reply_to_id", to.externalId())
        .put("visibility", to.meta().getOrDefault("visibility", "public")));
  }

  /**
   * Mastodon only notifies and threads for the people @-mentioned in the text, so the answer
   * starts with each acct the agent did not already write (as Mastodon's own clients do).
   */
  private static JsonObject addressed(String text, Set<String> accts) {
    String lower = text.toLowerCase(Locale.ROOT);
    String prefix = accts.stream().filter(acct -> !lower.contains("@" + acct.toLowerCase(Locale.ROOT)))
        .map(acct -> "@" + acct).collect(Collectors.joining(" "));
    return new JsonObject().put("status", prefix.isEmpty() ? text : prefix + " " + text);
  }

  /** The answer sits under the same content warning as the status it answers. */
  private static JsonObject warned(Mention to, JsonObject body) {
    String warning = to.meta().getOrDefault("spoilerText", "");
    if (!warning.isBlank()) {
      body.put("spoiler_text", warning).put("sensitive", true);
    }
    return body;
  }

  private static String acctOf(Mention to) {
    return to.meta().getOrDefault("acct", to.author().handle());
  }

  private static Set<String> participants(Mention to, String brandAcct) {
    Set<String> accts = new LinkedHashSet<>();
    accts.add(acctOf(to));
    Arrays.stream(to.meta().getOrDefault("mentions", "").split(" ")).filter(a -> !a.isBlank()).forEach(accts::add);
    accts.removeIf(a -> brandAcct != null && a.equalsIgnoreCase(brandAcct));
    return accts;
  }
}
