package io.earshot.connector.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting helpers shared by platforms that count what users perceive as characters. */
public final class TextCount {
  /** What Mastodon's and Bluesky's own clients treat as a link: scheme, then no whitespace. */
  public static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TextCount() {
  }

  /**
   * Extended grapheme clusters, so an emoji with skin tone, a ZWJ family or a flag counts once,
   * as the platforms' own counters do. Java 17's BreakIterator still splits those sequences
   * (fixed only in JDK 20), while the regex {@code \X} follows UAX #29 emoji rules.
   */
  public static int graphemes(String text) {
    Matcher m = GRAPHEME.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }
}
