package io.earshot.triage;

/**
 * A tokenized text: normalized tokens (lower case, elongation collapsed when that finds a known
 * word) with per-token flags, plus the text-level facts the rules need. Plain arrays keep
 * scoring allocation-light; instances are built by {@link Tokenizer} and never shared.
 */
final class Tokens {
  static final int CAPS = 1;
  static final int ELONGATED = 2;
  static final int EMOJI = 4;
  static final int EMOTICON = 8;
  static final int MENTION = 16;
  static final int SKIP = 32;
  /** The token ends a clause: punctuation followed it in the text. */
  static final int CLAUSE_END = 64;
  /** The token is one word of a run-together hashtag ("#worstflightever"). */
  static final int HASHTAG_PART = 128;
  /** The token is a whole one-word hashtag ("#not", "#fail"). */
  static final int HASHTAG = 256;

  /** The normalized text the tokens were read from. */
  String text = "";
  String[] words = new String[32];
  private String[] lemmas;
  int[] flags = new int[32];
  /** Each token's lexicon valence and model feature id (-1: none), from {@link WordTable}. */
  float[] lexicon = new float[32];
  int[] ids = new int[32];
  /** Each token's lemma when the word table knew it (null: found on first use). */
  private String[] knownLemmas = new String[32];
  /** Each token's {@link WordClasses} bits. */
  private int[] classes = new int[32];
  int size;
  int exclamations;
  int questions;
  /** Chunks that end a sentence ("done." "why?" "now!"), a cheap sentence count. */
  int sentenceEnds;
  int capsWords;
  int plainWords;
  boolean startsWithMention;
  boolean endsWithQuestion;

  void add(String word, int flag, WordTable.Word known) {
    if (size == words.length) {
      words = java.util.Arrays.copyOf(words, size * 2);
      flags = java.util.Arrays.copyOf(flags, size * 2);
      lexicon = java.util.Arrays.copyOf(lexicon, size * 2);
      ids = java.util.Arrays.copyOf(ids, size * 2);
      knownLemmas = java.util.Arrays.copyOf(knownLemmas, size * 2);
      classes = java.util.Arrays.copyOf(classes, size * 2);
    }
    words[size] = word;
    flags[size] = flag;
    lexicon[size] = known == null ? 0f : known.valence();
    ids[size] = known == null ? -1 : known.id();
    knownLemmas[size] = known == null ? null : known.lemma();
    classes[size] = known == null ? WordClasses.ofUnlisted(word) : known.classes();
    size++;
  }

  String word(int i) {
    return words[i];
  }

  /**
   * The token's lemma ("flights" to "flight"): the word table's for a known word, otherwise
   * computed on first use for the whole text.
   */
  String lemma(int i) {
    String known = knownLemmas[i];
    if (known != null) {
      return known;
    }
    if (lemmas == null) {
      lemmas = new String[size];
      for (int k = 0; k < size; k++) {
        lemmas[k] = knownLemmas[k] != null ? knownLemmas[k] : Lemmas.of(words[k]);
      }
    }
    return lemmas[i];
  }

  /** Whether the token is in the word class {@code wordClass} ({@link WordClasses}). */
  boolean is(int i, int wordClass) {
    return (classes[i] & wordClass) != 0;
  }

  /** {@link WordLists#modifier} of the token. */
  float modifier(int i) {
    return is(i, WordClasses.BOOSTER) ? WordLists.BOOST : is(i, WordClasses.DAMPENER) ? -WordLists.BOOST : 0f;
  }

  boolean has(int i, int flag) {
    return (flags[i] & flag) != 0;
  }

  void markClauseEnd() {
    if (size > 0) {
      flags[size - 1] |= CLAUSE_END;
    }
  }

  /** Some but not all words are shouted: only then do capitals mark emphasis. */
  boolean capsDifferential() {
    return capsWords > 0 && plainWords > 0;
  }
}
