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
  @DisplayName("the one-pass scan sends non-ASCII and stretched words to the general path and counts the cases of the rest")
  void scan() {
    for (String w : new String[] {"Delayed", "SOOOO", "it's", "A-OK", "x", "nooo", "Zzz9", "aaA", "café",
        "NoOo", "a!!!", "111", "Hi’", "aAb", ""}) {
      char[] cs = (" " + w + " ").toCharArray();
      int from = 1;
      int to = cs.length - 1;
      boolean general = !AsciiWords.isAscii(cs, from, to) || AsciiWords.hasRun(cs, from, to);
      long upper = w.chars().filter(c -> c >= 'A' && c <= 'Z').count();
      long lower = w.chars().filter(c -> c >= 'a' && c <= 'z').count();
      int expected = general ? AsciiWords.GENERAL : (int) (upper << 16 | lower);
      assertEquals(expected, AsciiWords.scan(cs, from, to), w);
    }
  }
}
