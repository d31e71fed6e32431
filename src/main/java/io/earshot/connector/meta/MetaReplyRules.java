package io.earshot.connector.meta;

import io.earshot.connector.ReplyCheck;
import io.earshot.domain.Mention;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Meta allows in a comment reply, before it is queued. Characters are code points: 8,000 in
 * a Facebook comment, 2,200 in an Instagram one, which also allows at most 30 hashtags and 5
 * @mentions (Meta's limits for captions and comments; a comment over them is refused). Both
 * networks show one level of replies, so a reply to a reply lands under its top-level comment:
 * said as a note. Instagram does not make links in comments clickable and filters comments with
 * links as likely spam, so a link is a note there too. Pure: no I/O.
 */
final class MetaReplyRules {
  static final int INSTAGRAM_HASHTAGS = 30;
  static final int INSTAGRAM_MENTIONS = 5;
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]+");
  private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[A-Za-z0-9_.]+");
  private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*"
      + "\\.(com|net|org|io|co|shop|store|app|info|biz|me|ly|gl|us|uk|de|fr)(/\\S*)?\\b");

  private MetaReplyRules() {
  }

  static ReplyCheck check(MetaSurface surface, String text, Mention target) {
    ReplyCheck check = ReplyCheck.fits(text.codePointCount(0, text.length()), surface.limit);
    if (surface == MetaSurface.INSTAGRAM) {
      check = instagram(check, text);
    }
    if (target != null && target.inReplyTo() != null && !target.externalId().equals(target.meta().get("threadRoot"))) {
      check = check.noting((surface == MetaSurface.FACEBOOK ? "Facebook" : "Instagram") + " shows one level of"
          + " replies: this reply goes under the top-level comment the customer answered, not under their reply");
    }
    return check;
  }

  private static ReplyCheck instagram(ReplyCheck check, String text) {
    int hashtags = count(HASHTAG, text);
    if (hashtags > INSTAGRAM_HASHTAGS) {
      check = check.refused("has " + hashtags + " hashtags; Instagram allows " + INSTAGRAM_HASHTAGS + " in a comment");
    }
    int mentions = count(MENTION, text);
    if (mentions > INSTAGRAM_MENTIONS) {
      check = check.refused("mentions " + mentions + " accounts; Instagram allows " + INSTAGRAM_MENTIONS + " in a comment");
    }
    if (LINK.matcher(text).find()) {
      check = check.noting("Instagram does not make links in comments clickable and may hide a comment with a link"
          + " as spam; say where to go in words");
    }
    return check;
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
