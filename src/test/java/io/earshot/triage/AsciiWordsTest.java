package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the tokenizer's ASCII fast path agrees with the general one")
class AsciiWordsTest {
  @Test
  @DisplayName("every ASCII character has the same letter-or-digit class and lower case as java.lang.Character gives")
  void characterClasses() {
    for (char c = 0; c < 128; c++) {
      assertEquals(Character.isLetterOrDigit(c), AsciiWords.isLetterOrDigit(c), "class of " + (int) c);
      assertEquals(String.valueOf(c).toLowerCase(Locale.ROOT), String.valueOf(AsciiWords.lower(c)),
          "lower case of " + (int) c);
      assertEquals(Character.isUpperCase(c), c >= 'A' && c <= 'Z', "upper case of " + (int) c);
      assertEquals(Character.isLowerCase(c), c >= 'a' && c <= 'z', "lower case test of " + (int) c);
    }
  }

  @Test
  @DisplayName("a word's lower-case copy and stretch test match String.toLowerCase and Elongation")
  void words() {
    for (String w : new String[] {"Delayed", "SOOOO", "it's", "A-OK", "x", "nooo", "Zzz9", "aaA"}) {
      char[] cs = (" " + w + " ").toCharArray();
      assertEquals(w.toLowerCase(Locale.ROOT), AsciiWords.lowerCopy(cs, 1, cs.length - 1), w);
      String lower = w.toLowerCase(Locale.ROOT);
      assertEquals(Elongation.normalize(lower, Lexicon.standard()) != lower,
          AsciiWords.hasRun(cs, 1, cs.length - 1), "stretched: " + w);
    }
  }

  @Test
  @DisplayName("a word found by its characters is the one found by its lower-case String, and a miss is a miss")
  void lookupByCharacters() {
    WordIndex<String> index = new WordIndex<>();
    for (String w : new String[] {"delayed", "it's", "a-ok", "x", "refund", "flight", "2fa"}) {
      index.put(w, w.toUpperCase(Locale.ROOT));
    }
    for (String w : new String[] {"Delayed", "IT'S", "a-OK", "x", "X", "refund", "Flight", "2FA",
        "refunds", "fligh", "", "delayes", "zz"}) {
      char[] cs = ("(" + w + ")").toCharArray();
      assertEquals(index.get(w.toLowerCase(Locale.ROOT)), index.getAsciiLower(cs, 1, cs.length - 1), w);
    }
  }
}
