package io.earshot.triage;

/**
 * Undoes what platforms and copy-paste do to social text before it is read: HTML entities
 * ("&amp;gt;", "&amp;#39;") are decoded, invisible characters (byte-order marks, zero-width
 * spaces and joiners, soft hyphens, bidi marks and isolates) are removed so they can neither
 * hide a word nor split one, and vertical tabs, form feeds and other control characters become
 * spaces. Text needing none of this is returned as the same instance, so the common case costs
 * one scan.
 */
final class TextNormalizer {
  private TextNormalizer() {
  }

  static String normalize(String text, int maxChars) {
    int n = Math.min(text.length(), maxChars);
    if (n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--; // never cut an emoji in half
    }
    int first = firstSpecial(text, n);
    if (first < 0) {
      return n == text.length() ? text : text.substring(0, n);
    }
    StringBuilder out = new StringBuilder(n);
    out.append(text, 0, first);
    int i = first;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '&') {
        i = entity(text, i, n, out);
      } else {
        if (!invisible(c)) {
          out.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
        }
        i++;
      }
    }
    return out.toString();
  }

  private static int firstSpecial(String text, int n) {
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c < 0x7F && c != '&') {
        continue; // printable ASCII other than '&': nothing to undo
      }
      if (c == '&' || invisible(c) || (Character.isISOControl(c) && c != '\n')) {
        return i;
      }
    }
    return -1;
  }

  /** Characters that render as nothing but break words apart or reorder them. */
  static boolean invisible(char c) {
    return c == '\uFEFF' || c == '\u00AD' || (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u180E';
  }

  /** Appends the decoded entity starting at {@code i} (or a plain '&amp;') and returns where to go on. */
  private static int entity(String text, int i, int n, StringBuilder out) {
    int semi = -1;
    for (int j = i + 1; j < n && j <= i + 10; j++) {
      if (text.charAt(j) == ';') {
        semi = j;
        break;
      }
    }
    if (semi < 0) {
      out.append('&');
      return i + 1;
    }
    int cp = decode(text.substring(i + 1, semi));
    if (cp < 0) {
      out.append('&');
      return i + 1;
    }
    if (!invisible((char) cp) || cp > 0xFFFF) {
      out.appendCodePoint(cp == 0xA0 ? ' ' : cp);
    }
    return semi + 1;
  }

  private static int decode(String name) {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return codePoint(name.substring(2), 16);
    }
    if (name.startsWith("#")) {
      return codePoint(name.substring(1), 10);
    }
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "nbsp" -> 0xA0;
      case "hellip" -> '\u2026';
      case "mdash" -> '\u2014';
      case "ndash" -> '\u2013';
      case "rsquo", "lsquo" -> '\'';
      case "ldquo", "rdquo" -> '"';
      case "heart", "hearts" -> 0x2665;
      default -> -1;
    };
  }

  private static int codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      return Character.isValidCodePoint(cp) && cp > 0 ? cp : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
