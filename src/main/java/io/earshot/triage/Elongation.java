package io.earshot.triage;

/**
 * Undoes the stretching of words for emphasis ("sooooo goooood", "nooo"): runs of three or more
 * equal letters are cut to two, then to one, keeping whichever form the lexicon or the modifier
 * lists know. Returns the same instance when the word was not stretched.
 */
final class Elongation {
  private Elongation() {
  }

  static String normalize(String word, Lexicon lexicon) {
    if (!hasRun(word)) {
      return word;
    }
    String two = collapse(word, 2);
    if (known(two, lexicon)) {
      return two;
    }
    String one = collapse(word, 1);
    return known(one, lexicon) ? one : two;
  }

  private static boolean known(String word, Lexicon lexicon) {
    return lexicon.contains(word) || WordLists.modifier(word) != 0f || WordLists.isNegator(word);
  }

  private static boolean hasRun(String word) {
    for (int i = 2; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c) && c == word.charAt(i - 1) && c == word.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  private static String collapse(String word, int keep) {
    StringBuilder out = new StringBuilder(word.length());
    int run = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      run = i > 0 && c == word.charAt(i - 1) ? run + 1 : 1;
      if (run <= keep || (run <= 2 && !hasRunAt(word, i))) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True when position i sits inside a run of three or more equal characters. */
  private static boolean hasRunAt(String word, int i) {
    char c = word.charAt(i);
    int from = i;
    while (from > 0 && word.charAt(from - 1) == c) {
      from--;
    }
    int to = i;
    while (to + 1 < word.length() && word.charAt(to + 1) == c) {
      to++;
    }
    return to - from >= 2;
  }
}
