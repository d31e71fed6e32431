package io.earshot.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Word and emoji valences on VADER's -4..4 scale. The base is the MIT-licensed VADER lexicon
 * (Hutto &amp; Gilbert, 2014), read as data from the Maven Central artifact that ships it; our own
 * overlay {@code triage/lexicon-extra.tsv} adds emoji, current slang and customer-care words and
 * overrides entries that read differently when a customer addresses a brand.
 */
public final class Lexicon {
  static final String VADER_RESOURCE = "vader_sentiment_lexicon.txt";
  static final String EXTRA_RESOURCE = "triage/lexicon-extra.tsv";

  private final Map<String, Float> valences;
  /** The entries with a character that is not a letter: emoticons such as ":)", "<3", "d:". */
  private final java.util.Set<String> symbolic = new java.util.HashSet<>();
  /**
   * The (first, last) character pairs of the symbolic entries, ASCII lower-cased, non-ASCII as
   * one bucket: most short chunks with punctuation ("now.", "it's") end in no emoticon's pair,
   * so they are ruled out without cutting and hashing a substring twice ({@link #mayBeSymbolic}).
   */
  private final java.util.BitSet symbolicEnds = new java.util.BitSet(1 << 14);

  Lexicon(Map<String, Float> valences) {
    // A HashMap, not Map.copyOf: it compares cached hashes before keys, where the immutable
    // map calls equals on every key it probes, a cache miss each for words it does not hold.
    this.valences = java.util.Collections.unmodifiableMap(new HashMap<>(valences));
    for (String entry : valences.keySet()) {
      if (!entry.chars().allMatch(Character::isLetter)) {
        symbolic.add(entry);
        symbolicEnds.set(endsPair(entry.charAt(0), entry.charAt(entry.length() - 1)));
      }
    }
  }

  /** The VADER base plus our overlay; fails with {@link UncheckedIOException} if either is missing. */
  public static Lexicon standard() {
    Map<String, Float> map = new HashMap<>(16_384);
    readInto(map, VADER_RESOURCE);
    readInto(map, EXTRA_RESOURCE);
    return new Lexicon(map);
  }

  /** Valence of an already lower-cased token, 0 when unknown. */
  public float valence(String token) {
    Float v = valences.get(token);
    return v == null ? 0f : v;
  }

  /** Every entry with its valence. */
  void forEach(java.util.function.BiConsumer<String, Float> action) {
    valences.forEach(action);
  }

  public boolean contains(String token) {
    return valences.containsKey(token);
  }

  /**
   * {@link #contains} for a token that has a character other than a letter: looked up among the
   * few hundred such entries only, as the tokenizer asks this of every short chunk ("it's", "2").
   */
  boolean containsSymbolic(String token) {
    return symbolic.contains(token);
  }

  /**
   * False only when neither {@code text[start, end)} nor its lower case can be a symbolic
   * entry ({@link #containsSymbolic}); a chunk with a non-ASCII character is always a maybe.
   */
  boolean mayBeSymbolic(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        return true;
      }
    }
    return symbolicEnds.get(endsPair(text.charAt(start), text.charAt(end - 1)));
  }

  private static int endsPair(char first, char last) {
    return bucket(first) << 7 | bucket(last);
  }

  private static int bucket(char c) {
    return c >= 0x80 ? 0x7F : (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }

  /** The plain words of the lexicon (no emoticons or emoji), for splitting hashtags. */
  java.util.stream.Stream<String> words() {
    return valences.keySet().stream().filter(Lexicon::plainWord);
  }

  private static boolean plainWord(String w) {
    if (w.length() < 2) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) < 'a' || w.charAt(i) > 'z') {
        return false;
      }
    }
    return true;
  }

  public int size() {
    return valences.size();
  }

  private static void readInto(Map<String, Float> map, String resource) {
    InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new UncheckedIOException(new IOException("lexicon resource missing: " + resource));
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        parseLine(map, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void parseLine(Map<String, Float> map, String line) {
    if (line.isBlank() || line.startsWith("##")) {
      return;
    }
    String[] cols = line.split("\t", 3);
    if (cols.length < 2) {
      return;
    }
    try {
      // Emoticons keep their case (":D" laughs, "D:" despairs); words are looked up lower-cased.
      String key = cols[0].strip();
      float valence = Float.parseFloat(cols[1].strip());
      map.put(key, valence);
      String lower = key.toLowerCase(Locale.ROOT);
      if (!lower.equals(key) && Character.isLetter(key.charAt(0))) {
        map.put(lower, valence);
      } else {
        map.putIfAbsent(lower, valence);
      }
    } catch (NumberFormatException ignored) {
      // A malformed row in a data file should not disable triage; the row is skipped.
    }
  }
}
