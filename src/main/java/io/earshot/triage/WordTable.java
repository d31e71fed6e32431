package io.earshot.triage;

import java.util.HashMap;
import java.util.Map;

/**
 * What a reader knows about a word, found with one lookup as the word is tokenized: its lexicon
 * valence and its feature id in the sentiment model's vocabulary. Looking a word up is the
 * main cost of reading a post (a miss in the processor cache each time, in tables of thousands
 * of words), so the rules and the model read these from the tokens instead of asking again.
 * Immutable; a HashMap, not {@code Map.copyOf}, for the reason given in {@link Lexicon}.
 */
final class WordTable {
  /** A known word: lexicon valence (0 if none) and model feature id (-1 if none). */
  record Word(float valence, int id) {
  }

  private final Map<String, Word> words;

  /** The lexicon's words with their valences and, when a model is given, its feature ids. */
  WordTable(Lexicon lexicon, Map<String, Integer> vocabulary) {
    Map<String, Word> out = new HashMap<>(32_768);
    lexicon.forEach((word, valence) -> out.put(word, new Word(valence, -1)));
    if (vocabulary != null) {
      vocabulary.forEach((word, id) -> out.merge(word, new Word(0f, id),
          (known, feature) -> new Word(known.valence(), id)));
    }
    this.words = out;
  }

  /** The word's entry, or null when neither the lexicon nor the model knows it. */
  Word get(String word) {
    return words.get(word);
  }
}
