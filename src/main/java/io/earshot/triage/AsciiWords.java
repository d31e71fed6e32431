package io.earshot.triage;

/**
 * The tokenizer's fast path for the common word, all ASCII: character classes by table and the
 * lower case made in one pass over the characters, instead of {@link Character}'s general
 * lookups, a substring and {@code String.toLowerCase} scanning it again. For ASCII these agree
 * exactly with {@link Character} and {@code String.toLowerCase(Locale.ROOT)} (checked for every
 * ASCII character in {@code AsciiWordsTest}); a word with any other character takes the
 * general path.
 */
final class AsciiWords {
  private static final boolean[] LETTER_OR_DIGIT = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
    }
  }

  private AsciiWords() {
  }

  /** {@link Character#isLetterOrDigit(int)}, by table for ASCII. */
  static boolean isLetterOrDigit(int cp) {
    return cp < 128 ? LETTER_OR_DIGIT[cp] : Character.isLetterOrDigit(cp);
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Whether {@code cs[from, to)} is all ASCII. */
  static boolean isAscii(char[] cs, int from, int to) {
    for (int i = from; i < to; i++) {
      if (cs[i] >= 128) {
        return false;
      }
    }
    return true;
  }

  /** The lower case of the ASCII run {@code cs[from, to)} as a new String. */
  static String lowerCopy(char[] cs, int from, int to) {
    char[] out = new char[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = lower(cs[i]);
    }
    return new String(out);
  }

  /** {@link Elongation}'s test (three equal letters in a row) on the lower case of the run. */
  static boolean hasRun(char[] cs, int from, int to) {
    for (int i = from + 2; i < to; i++) {
      char c = lower(cs[i]);
      if (c >= 'a' && c <= 'z' && c == lower(cs[i - 1]) && c == lower(cs[i - 2])) {
        return true;
      }
    }
    return false;
  }
}
