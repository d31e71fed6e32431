package io.earshot.connector.http;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon delivers status content as sanitized HTML ({@code <p>}, {@code <br>}, mention and
 * hashtag links). Agents and the scorer need plain text, so paragraphs and line breaks become
 * newlines, every tag is dropped and entities are decoded once (never twice: "&amp;lt;" stays
 * "&lt;"). The dashboard escapes again when rendering.
 */
public final class HtmlText {
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern PARAGRAPH = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">",
      "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  private HtmlText() {
  }

  public static String toPlain(String html) {
    if (html == null) {
      return "";
    }
    String text = BREAK.matcher(html).replaceAll("\n");
    text = PARAGRAPH.matcher(text).replaceAll("\n\n");
    text = TAG.matcher(text).replaceAll("");
    return unescape(text).strip();
  }

  static String unescape(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String name, String whole) {
    if (!name.startsWith("#")) {
      return NAMED.getOrDefault(name, whole);
    }
    try {
      boolean hex = name.startsWith("#x") || name.startsWith("#X");
      int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
      // NUL, lone surrogates and out-of-range numbers would make the text invalid Unicode.
      boolean valid = cp > 0 && Character.isValidCodePoint(cp)
          && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
      return valid ? Character.toString(cp) : "\uFFFD";
    } catch (NumberFormatException tooLong) {
      return "\uFFFD";
    }
  }
}
