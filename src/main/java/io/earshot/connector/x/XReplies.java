package io.earshot.connector.x;

import io.earshot.connector.OutgoingPost;
import io.earshot.connector.http.TextCount;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import twitter4j.v1.Status;

/**
 * X has no idempotency key, so a publish first looks for the brand's own recent tweet that
 * answers the same status with the same words. Limits, by design of the platform: only the
 * last 200 tweets of the brand are searched; two intents with identical text to the same
 * status are indistinguishable (X itself refuses exact duplicates with error 187); links are
 * compared as "a link" because X rewrites them to t.co.
 */
public final class XReplies {
  private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*@\\w{1,15})+\\s*");

  private XReplies() {
  }

  static Optional<Status> existing(List<Status> ownRecent, OutgoingPost post) {
    long target = post.inReplyTo() == null ? -1 : Long.parseLong(post.inReplyTo().externalId());
    String wanted = normalize(post.text());
    return ownRecent.stream()
        .filter(s -> target == -1 ? s.getInReplyToStatusId() <= 0 : s.getInReplyToStatusId() == target)
        .filter(s -> normalize(s.getText()).equals(wanted))
        .findFirst();
  }

  /** auto_populate_reply_metadata prefixes @names the agent never typed; t.co rewrites links. */
  public static String normalize(String text) {
    String withoutPrefix = LEADING_MENTIONS.matcher(text).replaceFirst("");
    return TextCount.URL.matcher(withoutPrefix).replaceAll("<link>").strip();
  }
}
