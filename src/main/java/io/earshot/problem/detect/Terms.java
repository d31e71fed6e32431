package io.earshot.problem.detect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and phrases of a post that can tell one incident from another: lower-cased words
 * without handles, links, numbers and the most common English function words, and the pairs of
 * such words that follow each other ("charged twice", "app crashes"). Single words are too common
 * to be distinctive on their own; pairs are what an emerging phrase is made of.
 */
public final class Terms {
  private static final Pattern NOISE = Pattern.compile("https?://\\S+|[@#][\\p{L}\\p{N}_.]+");
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']*");
  private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on",
      "at", "for", "with", "by", "from", "is", "am", "are", "was", "were", "be", "been", "it", "its", "it's", "i", "i'm",
      "me", "my", "we", "our", "you", "your", "they", "them", "this", "that", "these", "those", "so", "just", "have",
      "has", "had", "do", "does", "did", "not", "no", "can", "could", "will", "would", "what", "why", "how", "when",
      "there", "here", "again", "still", "now", "please", "hi", "hey", "any", "all", "as", "up", "out", "about", "than",
      "then", "too", "very", "get", "got", "im", "u", "ur", "he", "she", "his", "her", "us", "who", "which", "one");
  private static final int MAX_WORDS = 60;

  private Terms() {
  }

  /** The content words of {@code text}, in order (at most {@value #MAX_WORDS}). */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    Matcher m = WORD.matcher(NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" "));
    while (m.find() && words.size() < MAX_WORDS) {
      String w = m.group();
      if (w.length() > 1 && !STOP.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  /** The distinct pairs of neighbouring content words, e.g. {@code "charged twice"}. */
  public static List<String> pairs(String text) {
    List<String> words = words(text);
    Set<String> pairs = new LinkedHashSet<>();
    for (int i = 1; i < words.size(); i++) {
      pairs.add(words.get(i - 1) + " " + words.get(i));
    }
    return List.copyOf(pairs);
  }
}
