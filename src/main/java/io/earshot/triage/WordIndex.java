package io.earshot.triage;

/**
 * A map from words to values for the lookups done on every token (the word table, the phrase
 * tries): open addressing over one {@code long} per slot holding the word's hash (cached in
 * the String) and its entry number. A word the index does not hold, the common case, is
 * turned away after reading one or two slots, without following a pointer to a node or a key
 * as {@link java.util.HashMap} must; only a slot whose hash matches compares the words.
 * Built on one thread, then only read: safe to share once published (the owners keep it in
 * final fields). Null keys and values are not allowed.
 */
final class WordIndex<V> {
  private long[] slots = new long[0];
  private String[] keys = new String[0];
  private Object[] values = new Object[0];
  private int size;

  /** The value for {@code word}, or null. */
  @SuppressWarnings("unchecked")
  V get(String word) {
    int at = find(word);
    return at < 0 ? null : (V) values[at];
  }

  /**
   * The value for the lower case of the ASCII run {@code cs[from, to)}, or null, found without
   * making a String of it: the hash is String's own ({@code 31 * h + c}) over the lowered
   * characters, so it meets the keys' cached hashes.
   */
  @SuppressWarnings("unchecked")
  V getAsciiLower(char[] cs, int from, int to) {
    if (size == 0) {
      return null;
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + AsciiWords.lower(cs[i]);
    }
    int mask = slots.length - 1;
    for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return null;
      }
      if ((int) (slot >>> 32) == hash) {
        int entry = (int) slot - 1;
        if (equalsLower(keys[entry], cs, from, to)) {
          return (V) values[entry];
        }
      }
    }
  }

  private static boolean equalsLower(String key, char[] cs, int from, int to) {
    if (key.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (key.charAt(i - from) != AsciiWords.lower(cs[i])) {
        return false;
      }
    }
    return true;
  }

  /** Sets the value of {@code word}, replacing any. */
  void put(String word, V value) {
    int at = find(word);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    keys[size] = word;
    values[size] = value;
    place(word.hashCode(), size);
    size++;
  }

  int size() {
    return size;
  }

  private int find(String word) {
    if (size == 0) {
      return -1;
    }
    int hash = word.hashCode();
    int mask = slots.length - 1;
    for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int entry = (int) slot - 1;
        String key = keys[entry];
        if (key == word || key.equals(word)) {
          return entry;
        }
      }
    }
  }

  private void place(int hash, int entry) {
    int mask = slots.length - 1;
    int i = mix(hash) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = ((long) hash << 32) | (entry + 1L);
  }

  private void grow() {
    int capacity = Math.max(4, slots.length * 2);
    keys = java.util.Arrays.copyOf(keys, capacity / 2);
    values = java.util.Arrays.copyOf(values, capacity / 2);
    slots = new long[capacity];
    for (int e = 0; e < size; e++) {
      place(keys[e].hashCode(), e);
    }
  }

  /** Spreads the String hash's low bits, which short words use poorly. */
  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
