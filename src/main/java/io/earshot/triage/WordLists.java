package io.earshot.triage;

import java.util.Map;
import java.util.Set;

/**
 * The closed word classes the sentiment rules reason about: negators, intensity modifiers and
 * number words. They are grammar, not opinion, so they live in code rather than in the lexicon.
 */
final class WordLists {
  /** Added to (or, for dampeners, subtracted from) a following sentiment word's magnitude. */
  static final float BOOST = 0.293f;

  private WordLists() {
  }

  static final Set<String> NEGATORS = WordSets.of(
      "not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "nowhere", "cannot",
      "without", "rarely", "seldom", "despite", "aint", "ain't", "isnt", "isn't", "arent",
      "aren't", "wasnt", "wasn't", "werent", "weren't", "dont", "don't", "doesnt", "doesn't",
      "didnt", "didn't", "cant", "can't", "couldnt", "couldn't", "wont", "won't", "wouldnt",
      "wouldn't", "shouldnt", "shouldn't", "hasnt", "hasn't", "havent", "haven't", "hadnt",
      "hadn't", "mustnt", "mustn't", "neednt", "needn't", "mightnt", "darent", "daren't", "nope",
      "uh-uh", "uhuh", "oughtnt", "shant", "shan't");

  /** Laughter and exclamations: "no idea lol" does not negate the laugh. */
  static final Set<String> INTERJECTIONS = WordSets.of("lol", "lmao", "lmfao", "rofl", "haha",
      "hahaha", "hehe", "heh", "lolol", "lolz", "xd", "omg", "wow", "yay", "ugh", "argh", "smh");

  private static final Set<String> BOOSTERS = WordSets.of(
      "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply",
      "effing", "enormously", "entirely", "especially", "exceptionally", "extremely",
      "fabulously", "flipping", "flippin", "freaking", "freakin", "fricking", "frickin",
      "frigging", "friggin", "fully", "fucking", "fuckin", "greatly", "hella", "highly", "hugely",
      "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely", "quite",
      "really", "remarkably", "so", "soo", "sooo", "substantially", "super", "thoroughly",
      "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very", "mega",
      "seriously", "truly", "insanely", "ridiculously", "wicked");

  private static final Set<String> DAMPENERS = WordSets.of(
      "almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally",
      "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "sortof", "fairly",
      "mildly", "bit", "abit");

  static final Map<String, Integer> NUMBER_WORDS = WordSets.copyOf(Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12),
      Map.entry("several", 3), Map.entry("few", 2), Map.entry("couple", 2),
      Map.entry("many", 5), Map.entry("multiple", 3), Map.entry("24", 24), Map.entry("48", 48)));

  static boolean isNegator(String token) {
    return NEGATORS.contains(token) || token.endsWith("n't");
  }

  /** +BOOST for intensifiers, -BOOST for dampeners, 0 otherwise. */
  static float modifier(String token) {
    if (BOOSTERS.contains(token)) {
      return BOOST;
    }
    return DAMPENERS.contains(token) ? -BOOST : 0f;
  }

  /** The boosters and dampeners, for {@link WordClasses}. */
  static Set<String> modifiers() {
    Set<String> out = new java.util.HashSet<>(BOOSTERS);
    out.addAll(DAMPENERS);
    return out;
  }

  static boolean isNumber(String token) {
    return allDigits(token) || NUMBER_WORDS.containsKey(token);
  }

  /** A non-empty run of ASCII digits. */
  static boolean allDigits(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
