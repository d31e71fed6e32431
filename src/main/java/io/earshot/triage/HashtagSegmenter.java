package io.earshot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a run-together hashtag into known words ("worstflightever" to "worst flight ever",
 * "neveragain" to "never again") so the words inside it are read. The split with the fewest
 * words wins (ties go to the longest first word); a tag that cannot be covered entirely by
 * known words is left whole, since a wrong split is worse than none.
 */
final class HashtagSegmenter {
  static final int MAX_LENGTH = 40;
  private static final int MIN_LENGTH = 6;

  private final Set<String> words;

  HashtagSegmenter(Set<String> words) {
    this.words = new java.util.HashSet<>(words); // not Set.copyOf: see Lexicon
  }

  /** The words of {@code tag} (lower case, no '#'), or null when it is one word or cannot be split. */
  List<String> split(String tag) {
    int n = tag.length();
    if (n < MIN_LENGTH || n > MAX_LENGTH || words.contains(tag)) {
      return null;
    }
    int[] best = new int[n + 1];
    int[] cut = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int end = 1; end <= n; end++) {
      for (int start = Math.max(0, end - 20); start < end; start++) {
        if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end] && known(tag, start, end)) {
          best[end] = best[start] + 1;
          cut[end] = start;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
      return null;
    }
    List<String> out = new ArrayList<>(best[n]);
    for (int end = n; end > 0; end = cut[end]) {
      out.add(0, tag.substring(cut[end], end));
    }
    return out;
  }

  private boolean known(String tag, int start, int end) {
    int len = end - start;
    if (len == 1) {
      char c = tag.charAt(start);
      return c == 'a' || c == 'i';
    }
    return words.contains(tag.substring(start, end));
  }
}
