package io.earshot.triage;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Immutable word sets and maps for lookups made on every token. {@code Set.of} and {@code
 * Map.of} probe by calling {@code equals} on each key they pass, a cache miss into another
 * String for a word they do not hold, the common case; a HashSet or HashMap compares the
 * String's cached hash first (see {@link Lexicon}). Same contents, same answers.
 */
final class WordSets {
  private WordSets() {
  }

  static Set<String> of(String... words) {
    return Collections.unmodifiableSet(new HashSet<>(List.of(words)));
  }

  static <V> Map<String, V> copyOf(Map<String, V> map) {
    return Collections.unmodifiableMap(new HashMap<>(map));
  }
}
