package io.earshot.connector.threads;

import io.earshot.connector.ReplyCheck;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Threads allows in a reply, before it is queued. A text post or reply holds 500 characters,
 * where Meta counts an emoji as its UTF-8 bytes (a thumbs-up is 4, a family emoji joined by
 * zero-width joiners far more); a post with more than 5 distinct links fails at the container step
 * ({@code THREADS_API__LINK_LIMIT_EXCEEDED}, since December 2025). Threads makes only the first
 * hashtag a topic tag: more are said as a note, never refused. Pure: no I/O.
 */
final class ThreadsReplyRules {
  static final int LIMIT = 500;
  static final int LINKS = 5;
  private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://[^\\s]+|\\bwww\\.[^\\s]+");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]+");

  private ThreadsReplyRules() {
  }

  static ReplyCheck check(String text) {
    ReplyCheck check = ReplyCheck.fits(length(text), LIMIT);
    int links = links(text);
    if (links > LINKS) {
      check = check.refused("has " + links + " links; Threads allows " + LINKS + " in a post");
    }
    if (count(HASHTAG, text) > 1) {
      check = check.noting("Threads makes only the first hashtag a topic tag; the others stay plain text");
    }
    return check;
  }

  /** Characters as Threads counts them: one per code point, an emoji's UTF-8 bytes instead. */
  static int length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      length += emojiPart(cp) ? new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length : 1;
      i += Character.charCount(cp);
    }
    return length;
  }

  /**
   * Pictographs, symbols and the joiners, selectors, skin tones and flags they are built from
   * (Java 17 has no {@code Character.isEmoji}; these are the Unicode emoji blocks).
   */
  private static boolean emojiPart(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0020 && cp <= 0xE007F)
        || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF);
  }

  /** Distinct URLs, as Meta counts them (the same link twice is one). */
  static int links(String text) {
    Set<String> links = new LinkedHashSet<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      links.add(m.group().toLowerCase(Locale.ROOT).replaceAll("[.,;:!?)]+$", ""));
    }
    return links.size();
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
