package io.earshot.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The most frequent questions: a mention that asks (it has a question mark) is reduced to a
 * signature, the set of its first few content words, sorted; rollups count signatures, and the
 * overview groups signatures whose word sets overlap enough (token-set Jaccard) into one question
 * with the sum of their counts and a few examples. Handles, links, numbers and stop words are
 * dropped, so "@VoltMobile is the outage in area 512 fixed?" and "…area 77…" are one question.
 * Bounded: at most {@link #WORDS} words a signature, {@link #CANDIDATES} signatures grouped. Pure.
 */
public final class Questions {
  static final int WORDS = 5;
  static final int CANDIDATES = 300;
  static final double SIMILAR = 0.5;
  private static final int EXAMPLE_LENGTH = 200;
  private static final Pattern NOISE = Pattern.compile("(https?://\\S+)|([@#]\\w+)|(\\d+)");
  private static final Pattern WORD = Pattern.compile("[^\\p{L}']+");
  private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "are", "was", "were", "can",
      "how", "what", "when", "why", "who", "where", "which", "does", "did", "this", "that", "with", "have", "has",
      "there", "any", "all", "not", "but", "get", "got", "will", "would", "could", "should", "yet", "still", "from",
      "our", "its", "it's", "i'm", "just", "now", "again", "been", "being", "about", "into", "they", "them", "then",
      "than", "too", "very", "please", "anyone", "someone", "know", "one", "out", "off", "why's", "what's");

  private Questions() {
  }

  /** One grouped question: how many asked it, its signatures' words and up to three examples. */
  public record Group(String words, long count, List<String> examples) {
  }

  /** The signature of a question, or null when the text asks nothing or keeps no content word. */
  public static String signature(String text) {
    if (text == null || text.indexOf('?') < 0) {
      return null;
    }
    String plain = NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    Set<String> words = new LinkedHashSet<>();
    for (String w : WORD.split(plain)) {
      String word = w.replaceAll("^'+|'+$", "");
      if (word.length() >= 3 && !STOP.contains(word) && words.size() < WORDS) {
        words.add(word);
      }
    }
    return words.isEmpty() ? null : String.join("_", new TreeSet<>(words));
  }

  /** The text kept as an example: trimmed and cut short. */
  static String example(String text) {
    String t = text.strip();
    return t.length() <= EXAMPLE_LENGTH ? t : t.substring(0, EXAMPLE_LENGTH) + "…";
  }

  /**
   * Groups counted signatures, most asked first: each signature, from the most counted down, joins
   * the first group whose first signature it resembles, else starts one; {@code limit} groups.
   */
  public static List<Group> group(Map<String, Long> counts, Map<String, String> examples, int limit) {
    List<Map.Entry<String, Long>> ranked = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(CANDIDATES).toList();
    List<Building> groups = new ArrayList<>();
    for (Map.Entry<String, Long> e : ranked) {
      Set<String> words = Set.of(e.getKey().split("_"));
      Building home = groups.stream().filter(g -> jaccard(g.words, words) >= SIMILAR).findFirst().orElse(null);
      if (home == null) {
        home = new Building(e.getKey(), words);
        groups.add(home);
      }
      home.count += e.getValue();
      String example = examples.get(e.getKey());
      if (example != null && home.examples.size() < 3) {
        home.examples.add(example);
      }
    }
    return groups.stream().sorted(Comparator.comparingLong((Building g) -> -g.count).thenComparing(g -> g.signature))
        .limit(limit).map(g -> new Group(g.signature.replace('_', ' '), g.count, List.copyOf(g.examples))).toList();
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    int union = a.size() + b.size() - both.size();
    return union == 0 ? 0 : (double) both.size() / union;
  }

  private static final class Building {
    private final String signature;
    private final Set<String> words;
    private final List<String> examples = new ArrayList<>();
    private long count;

    Building(String signature, Set<String> words) {
      this.signature = signature;
      this.words = words;
    }
  }
}
