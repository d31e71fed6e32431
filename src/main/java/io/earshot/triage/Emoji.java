package io.earshot.triage;

/**
 * Recognizes emoji code points so each becomes its own token, keyed by the bare code point:
 * variation selectors, zero-width joiners and skin-tone modifiers carry no sentiment and are
 * dropped by the tokenizer as plain punctuation would be.
 */
final class Emoji {
  private static final String[] BMP_CACHE = new String[0x3000];

  private Emoji() {
  }

  static boolean isEmoji(int cp) {
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return false;
    }
    return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x231A && cp <= 0x23FF) || (cp >= 0x1F000 && cp <= 0x1F2FF && cp >= 0x1F200)
        || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2B06 || cp == 0x2B07 || cp == 0x203C
        || cp == 0x2049;
  }

  static String key(int cp) {
    if (cp < BMP_CACHE.length) {
      String cached = BMP_CACHE[cp];
      if (cached == null) {
        cached = new String(Character.toChars(cp));
        BMP_CACHE[cp] = cached;
      }
      return cached;
    }
    return new String(Character.toChars(cp));
  }
}
