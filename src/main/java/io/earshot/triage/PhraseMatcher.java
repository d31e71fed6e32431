package io.earshot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds phrases in a token sequence with a token trie. A phrase is space-separated words; the
 * word {@code #} matches any number ("3", "three", "several"), {@code *} matches any one token
 * and a word ending in {@code *} matches by prefix ("refund*"). A matcher built {@link
 * #onLemmas()} compares plain words by lemma ("flight cancel" matches "flights cancelled"); prefixes
 * always match the word as written. Longest match wins at each start and matches do not overlap.
 * Immutable after construction, so shared across threads.
 */
final class PhraseMatcher<T> {
  /** Receives each match: tokens [start, end) matched the phrase carrying {@code payload}. */
  interface Hit<T> {
    void on(int start, int end, T payload);
  }

  private static final class Node<T> {
    final WordIndex<Node<T>> exact = new WordIndex<>();
    /**
     * Prefix words ("refund*") sorted by first letter, and where they lead: every token is tried
     * against them, so the first letters are binary-searched before any prefix is compared.
     */
    String[] prefixes = new String[0];
    char[] prefixFirsts = new char[0];
    /** Bit c - 'a' set when a prefix starts with the letter c: most tokens skip the search. */
    int prefixLetters;
    /** A prefix starts with something other than a-z: such tokens are always searched. */
    boolean prefixOthers;
    List<Node<T>> prefixNodes = new ArrayList<>(0);
    Node<T> number;
    Node<T> any;
    T payload;
  }

  /**
   * Bits of {@link #ROOT_FILTER_BITS} set by the hash of every word that starts a phrase. Every
   * token of every text is looked up at the root, and almost none starts a phrase: one bit read
   * from a 4 KB array (the token's hash is cached in its String) rules most of them out before
   * the root's children, thousands of words, are probed.
   */
  private static final int ROOT_FILTER_BITS = 1 << 15;
  private final long[] rootFilter = new long[ROOT_FILTER_BITS / 64];
  private final Node<T> root = new Node<>();
  private final boolean lemmas;

  PhraseMatcher() {
    this(false);
  }

  private PhraseMatcher(boolean lemmas) {
    this.lemmas = lemmas;
  }

  static <T> PhraseMatcher<T> onLemmas() {
    return new PhraseMatcher<>(true);
  }

  void add(String phrase, T payload) {
    Node<T> node = root;
    String[] words = phrase.toLowerCase(Locale.ROOT).trim().split("\\s+");
    for (String word : words) {
      node = child(node, word);
    }
    node.payload = payload;
    setRootBit(lemmas ? Lemmas.of(words[0]) : words[0]);
  }

  private Node<T> child(Node<T> node, String word) {
    if (word.equals("#")) {
      return node.number == null ? (node.number = new Node<>()) : node.number;
    }
    if (word.equals("*")) {
      return node.any == null ? (node.any = new Node<>()) : node.any;
    }
    if (word.length() > 1 && word.endsWith("*")) {
      String prefix = word.substring(0, word.length() - 1);
      for (int j = 0; j < node.prefixes.length; j++) {
        if (node.prefixes[j].equals(prefix)) {
          return node.prefixNodes.get(j);
        }
      }
      return addPrefix(node, prefix);
    }
    String key = lemmas ? Lemmas.of(word) : word;
    Node<T> next = node.exact.get(key);
    if (next == null) {
      next = new Node<>();
      node.exact.put(key, next);
    }
    return next;
  }

  /** Inserts the prefix where its first letter keeps {@code prefixFirsts} sorted. */
  private static <T> Node<T> addPrefix(Node<T> node, String prefix) {
    int n = node.prefixes.length;
    int at = 0;
    while (at < n && node.prefixFirsts[at] <= prefix.charAt(0)) {
      at++;
    }
    String[] prefixes = new String[n + 1];
    char[] firsts = new char[n + 1];
    System.arraycopy(node.prefixes, 0, prefixes, 0, at);
    System.arraycopy(node.prefixes, at, prefixes, at + 1, n - at);
    System.arraycopy(node.prefixFirsts, 0, firsts, 0, at);
    System.arraycopy(node.prefixFirsts, at, firsts, at + 1, n - at);
    prefixes[at] = prefix;
    firsts[at] = prefix.charAt(0);
    if (isLetter(prefix.charAt(0))) {
      node.prefixLetters |= 1 << (prefix.charAt(0) - 'a');
    } else {
      node.prefixOthers = true;
    }
    Node<T> created = new Node<>();
    node.prefixes = prefixes;
    node.prefixFirsts = firsts;
    node.prefixNodes.add(at, created);
    return created;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Whether some prefix of {@code node} may start with {@code first}. */
  private static boolean mayStartPrefix(Node<?> node, char first) {
    return isLetter(first) ? (node.prefixLetters & (1 << (first - 'a'))) != 0 : node.prefixOthers;
  }

  private void setRootBit(String word) {
    int bit = word.hashCode() & (ROOT_FILTER_BITS - 1);
    rootFilter[bit >>> 6] |= 1L << bit;
  }

  private boolean mayStartPhrase(String word) {
    int bit = word.hashCode() & (ROOT_FILTER_BITS - 1);
    return (rootFilter[bit >>> 6] & (1L << bit)) != 0;
  }

  @SuppressWarnings("unchecked")
  void forEachMatch(Tokens tokens, Hit<T> hit) {
    Object[] found = new Object[1]; // per call, so concurrent matching never shares state
    int i = 0;
    while (i < tokens.size) {
      found[0] = null;
      int end = walk(root, tokens, i, i, -1, found);
      if (end > i) {
        hit.on(i, end, (T) found[0]);
        i = end;
      } else {
        i++;
      }
    }
  }

  private int walk(Node<T> node, Tokens tokens, int start, int pos, int best, Object[] found) {
    if (node.payload != null && pos > start && pos > best) {
      best = pos;
      found[0] = node.payload;
    }
    if (pos >= tokens.size || (pos > start && tokens.has(pos - 1, Tokens.CLAUSE_END))) {
      return best;
    }
    String word = tokens.word(pos);
    String key = lemmas ? tokens.lemma(pos) : word;
    Node<T> next = node != root || mayStartPhrase(key) ? node.exact.get(key) : null;
    if (next != null) {
      best = walk(next, tokens, start, pos + 1, best, found);
    }
    if (node.number != null && tokens.is(pos, WordClasses.NUMBER)) {
      best = walk(node.number, tokens, start, pos + 1, best, found);
    }
    if (node.any != null) {
      best = walk(node.any, tokens, start, pos + 1, best, found);
    }
    return node.prefixes.length == 0 || word.isEmpty() || !mayStartPrefix(node, word.charAt(0)) ? best
        : walkPrefixes(node, word, tokens, start, pos, best, found);
  }

  private int walkPrefixes(Node<T> node, String word, Tokens tokens, int start, int pos, int best,
                           Object[] found) {
    char[] firsts = node.prefixFirsts;
    char first = word.charAt(0);
    int j = java.util.Arrays.binarySearch(firsts, first);
    while (j > 0 && firsts[j - 1] == first) {
      j--;
    }
    for (; j >= 0 && j < firsts.length && firsts[j] == first; j++) {
      if (word.startsWith(node.prefixes[j])) {
        best = walk(node.prefixNodes.get(j), tokens, start, pos + 1, best, found);
      }
    }
    return best;
  }
}
