package io.earshot.triage;

import java.util.HashSet;
import java.util.Set;

/**
 * The closed word classes the rules test on every token (negators, intensity modifiers, number
 * words, thanks, words that name a service), as bits found once per word: {@link WordTable}
 * holds every word of these lists with its bits, so the tokenizer's one lookup per word
 * answers them all, and a word the table does not know can only be a negator by its "n't" or
 * a number by its digits. Testing each list per token cost a tenth of the engine's time.
 */
final class WordClasses {
  static final int NEGATOR = 1;
  static final int BOOSTER = 2;
  static final int DAMPENER = 4;
  static final int NUMBER = 8;
  static final int THANKS = 16;
  /** A word that names a service relationship ({@link CareContext}). */
  static final int SERVICE = 32;

  private WordClasses() {
  }

  /** The bits of any word: the definition the table's entries are built from. */
  static int of(String word) {
    float modifier = WordLists.modifier(word);
    return (WordLists.isNegator(word) ? NEGATOR : 0)
        | (modifier > 0 ? BOOSTER : 0)
        | (modifier < 0 ? DAMPENER : 0)
        | (WordLists.isNumber(word) ? NUMBER : 0)
        | (CareRules.THANKS.contains(word) ? THANKS : 0)
        | (CareContext.namesService(word) ? SERVICE : 0);
  }

  /** {@link #of} for a word known to be in none of the lists ({@link #listed}). */
  static int ofUnlisted(String word) {
    return (word.endsWith("n't") ? NEGATOR : 0) | (WordLists.allDigits(word) ? NUMBER : 0);
  }

  /** Every word any of the lists names. */
  static Set<String> listed() {
    Set<String> out = new HashSet<>(WordLists.NEGATORS);
    out.addAll(WordLists.modifiers());
    out.addAll(WordLists.NUMBER_WORDS.keySet());
    out.addAll(CareRules.THANKS);
    out.addAll(CareContext.serviceWords());
    return out;
  }
}
