package io.earshot.triage;

import java.util.HashMap;
import java.util.Map;

/**
 * What a reader knows about a word, found with one lookup as the word is tokenized: its lexicon
 * valence and its feature id in the sentiment model's vocabulary. Looking a word up is the
 * main cost of reading a post (a miss in the processor cache each time, in tables of thousands
 * of words), so the rules and the model read these from the tokens instead of asking again.
 * Immutable once built. A token found here is given the table's own String for the word, made
 * once and with its hash cached, so the common word costs no String of its own and no hashing
 * in the lookups after this one.
 */
final class WordTable {
  /**
   * A known word: lexicon valence (0 if none), model feature id (-1 if none), its lemma
   * ({@link Lemmas#of}) and its {@link WordClasses} bits, found once here rather than for every
   * occurrence.
   */
  record Word(String word, float valence, int id, String lemma, int classes) {
    Word(String word, float valence, int id) {
      this(word, valence, id, Lemmas.of(word), WordClasses.of(word));
    }
  }

  private final WordIndex<Word> words = new WordIndex<>();

  /** The lexicon's words with their valences and, when a model is given, its feature ids. */
  WordTable(Lexicon lexicon, Map<String, Integer> vocabulary) {
    Map<String, Word> out = new HashMap<>(32_768);
    lexicon.forEach((word, valence) -> out.put(word, new Word(word, valence, -1)));
    if (vocabulary != null) {
      vocabulary.forEach((word, id) -> out.merge(word, new Word(word, 0f, id),
          (known, feature) -> new Word(word, known.valence(), id, known.lemma(), known.classes())));
    }
    // Every word of the closed lists, so that a word the table lacks is in none of them.
    WordClasses.listed().forEach(word -> out.computeIfAbsent(word, w -> new Word(w, 0f, -1)));
    out.forEach(words::put);
  }

  /** The word's entry, or null when neither the lexicon nor the model knows it. */
  Word get(String word) {
    return words.get(word);
  }

  /** {@link #get} of the lower case of the ASCII run {@code cs[from, to)}, making no String. */
  Word getAsciiLower(char[] cs, int from, int to) {
    return words.getAsciiLower(cs, from, to);
  }
}
