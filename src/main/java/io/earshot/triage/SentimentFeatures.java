package io.earshot.triage;

import java.util.Map;

/**
 * Turns what the rules read in one text into the sentiment model's inputs: one value per
 * {@link RuleFeature} and the distinct words (lower case, elongation undone, hashtags split;
 * handles and links left out), and the words a negator governs as words of their own
 * ("not:working", {@link #NEGATED}). Training and scoring use this same code, so the model sees at
 * run time exactly what it was trained on.
 */
final class SentimentFeatures {
  /** Only the first words count as word features, so a pasted novel costs no more than a post. */
  static final int MAX_WORDS = 300;
  /** A word within three words after a negator in its clause is also read as this prefix + word. */
  static final String NEGATED = "not:";
  final double[] rules = new double[RuleFeature.values().length];
  /** The distinct words, in text order. */
  final String[] words;
  /** The words' hashes, so that finding a repeat compares ints, not Strings. */
  private final int[] hashes;
  /** Each word's feature id in {@link #vocabulary} (-1: not a feature), when one was given. */
  final int[] ids;
  /** The model vocabulary the ids refer to, or null when none was given (training). */
  final Map<String, Integer> vocabulary;
  int wordCount;

  private SentimentFeatures(int capacity, Map<String, Integer> vocabulary) {
    words = new String[Math.min(capacity, MAX_WORDS)];
    hashes = new int[words.length];
    ids = vocabulary == null ? null : new int[words.length];
    this.vocabulary = vocabulary;
  }

  static SentimentFeatures of(Tokens t, float[] v, double compound, Evidence ev) {
    return of(t, v, compound, ev, null);
  }

  static SentimentFeatures of(Tokens t, float[] v, double compound, Evidence ev,
                              Map<String, Integer> vocabulary) {
    SentimentFeatures f = new SentimentFeatures(t.size * 2, vocabulary);
    double pos = 0;
    double neg = 0;
    double emojiPos = 0;
    double emojiNeg = 0;
    boolean thanks = false;
    for (int i = 0; i < t.size; i++) {
      boolean emoji = t.has(i, Tokens.EMOJI | Tokens.EMOTICON);
      pos += v[i] > 0 ? v[i] : 0;
      neg += v[i] < 0 ? -v[i] : 0;
      emojiPos += emoji && v[i] > 0 ? v[i] : 0;
      emojiNeg += emoji && v[i] < 0 ? -v[i] : 0;
      thanks |= t.is(i, WordClasses.THANKS);
      if (!t.has(i, Tokens.SKIP) && i < MAX_WORDS) {
        f.addWord(t.word(i), t.ids[i]);
      }
    }
    f.addNegatedWords(t);
    boolean care = CareContext.isCare(t);
    f.set(RuleFeature.COMPOUND, compound);
    f.set(RuleFeature.RULES_POSITIVE, compound >= SentimentAnalyzer.NEUTRAL_BAND ? 1 : 0);
    f.set(RuleFeature.RULES_NEGATIVE, compound <= -SentimentAnalyzer.NEUTRAL_BAND ? 1 : 0);
    f.set(RuleFeature.RULES_STRONG, Math.signum(compound) * Math.max(0, Math.abs(compound) - 0.5) * 2);
    f.set(RuleFeature.CARE_RULES_NEGATIVE, care && compound <= -SentimentAnalyzer.NEUTRAL_BAND ? 1 : 0);
    f.set(RuleFeature.POSITIVE, squash(pos));
    f.set(RuleFeature.NEGATIVE, squash(neg));
    f.set(RuleFeature.NO_POLAR_WORD, pos == 0 && neg == 0 ? 1 : 0);
    f.set(RuleFeature.CARE_CONTEXT, care ? 1 : 0);
    f.set(RuleFeature.CARE_POSITIVE, care ? squash(pos) : 0);
    f.set(RuleFeature.CARE_NEGATIVE, care ? squash(neg) : 0);
    f.set(RuleFeature.COMPLAINT, Math.min(ev.complaintCues, 3) / 3.0);
    f.set(RuleFeature.STRONG_COMPLAINT, ev.strongComplaints > 0 ? 1 : 0);
    f.set(RuleFeature.PRAISE, Math.min(ev.praiseCues, 2) / 2.0);
    f.set(RuleFeature.REQUEST, ev.request ? 1 : 0);
    f.set(RuleFeature.PLAIN_QUESTION, ev.plainQuestion ? 1 : 0);
    f.set(RuleFeature.THANKS, thanks ? 1 : 0);
    f.set(RuleFeature.SARCASM, Math.min(ev.sarcasm, 2) / 2.0);
    f.set(RuleFeature.NEGATION, Math.min(ev.negations, 2) / 2.0);
    f.set(RuleFeature.BUT, ev.buts > 0 ? 1 : 0);
    f.set(RuleFeature.EMPHASIS, Math.min(ev.emphasis, 3) / 3.0);
    f.set(RuleFeature.EXCLAMATION, Math.min(t.exclamations, 3) / 3.0);
    f.set(RuleFeature.MULTI_QUESTION, t.questions > 1 ? 1 : 0);
    f.set(RuleFeature.EMOJI_POSITIVE, squash(emojiPos));
    f.set(RuleFeature.EMOJI_NEGATIVE, squash(emojiNeg));
    f.set(RuleFeature.LONG, Math.min(t.size, 40) / 40.0);
    return f;
  }

  private void set(RuleFeature feature, double value) {
    rules[feature.ordinal()] = value;
  }

  /**
   * "not working", "no reply", "never arrived": the words a negator governs are features of
   * their own, so that a complaint told by negating a plain word is learned as one. The scope
   * is the one {@link SentimentRules} gives negation: three words, within the clause.
   */
  private void addNegatedWords(Tokens t) {
    int scope = 0;
    for (int i = 0; i < t.size && i < MAX_WORDS && wordCount < words.length; i++) {
      if (t.is(i, WordClasses.NEGATOR)) {
        scope = 3;
      } else if (t.word(i).equals("but")) {
        scope = 0;
      } else if (scope > 0) {
        scope--;
        if (!t.has(i, Tokens.SKIP | Tokens.EMOJI | Tokens.EMOTICON)) {
          String w = NEGATED + t.word(i);
          addWord(w, vocabulary == null ? -1 : vocabulary.getOrDefault(w, -1));
        }
      }
      scope = t.has(i, Tokens.CLAUSE_END) ? 0 : scope;
    }
  }

  private void addWord(String w, int id) {
    int hash = w.hashCode();
    for (int k = 0; k < wordCount; k++) {
      if (hashes[k] == hash && words[k].equals(w)) {
        return;
      }
    }
    if (ids != null) {
      ids[wordCount] = id; // resolved against the same vocabulary by the reader's WordTable
    }
    hashes[wordCount] = hash;
    words[wordCount++] = w;
  }

  /** Maps a valence sum onto 0..1 the way VADER squashes its compound score. */
  static double squash(double sum) {
    return sum / Math.sqrt(sum * sum + 15.0);
  }

  static String wordFeature(String word) {
    return "w:" + word;
  }
}
