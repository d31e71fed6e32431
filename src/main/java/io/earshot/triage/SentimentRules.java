package io.earshot.triage;

/**
 * Rule-based valence in the manner described by Hutto &amp; Gilbert (VADER, 2014): lexicon
 * valences shifted by preceding intensifiers, flipped by negators within three words of the
 * same clause, emphasized by shouting and stretching, re-weighted around "but", amplified by
 * '!' and '??', then squashed to -1..1. Our own implementation; constants follow the paper.
 */
final class SentimentRules {
  static final float CAPS_EMPHASIS = 0.733f;
  static final float NEGATION = -0.74f;
  static final float NEVER_SO = 1.25f;
  static final float ELONGATION_EMPHASIS = 0.293f;
  private static final float[] DISTANCE_DECAY = {1f, 0.95f, 0.9f};
  private static final double ALPHA = 15.0;

  /** Valence of each token after its own emphasis and the modifiers in front of it. */
  float[] valences(Tokens t, Evidence ev) {
    float[] lex = t.lexicon; // looked up once, as the word was tokenized (see WordTable)
    float[] v = new float[t.size];
    for (int i = 0; i < t.size; i++) {
      float base = lex[i] == 0f ? 0f : ownValence(t, i, lex);
      if (base != 0f) {
        ev.sentimentWords++;
        v[i] = modify(t, i, emphasize(t, i, base, ev), ev, lex);
      }
    }
    return v;
  }

  /** The word's lexicon valence {@code lex[i]} (not 0), unless it acts on the next word. */
  private static float ownValence(Tokens t, int i, float[] lex) {
    float base = lex[i];
    if (isKindOf(t, i)) {
      return 0f;
    }
    if (t.modifier(i) != 0f) {
      // "super helpful" boosts the next word; a lone "super!" keeps its own valence.
      boolean modifiesNext = i + 1 < t.size && lex[i + 1] != 0f;
      return modifiesNext ? 0f : base;
    }
    if (t.is(i, WordClasses.NEGATOR) && i + 1 < t.size && !t.has(i, Tokens.CLAUSE_END) && lex[i + 1] != 0f) {
      return 0f; // "no problem": the negator acts on the next word instead of scoring itself
    }
    return base;
  }

  private static boolean isKindOf(Tokens t, int i) {
    String w = t.word(i);
    return (w.equals("kind") || w.equals("sort")) && i + 1 < t.size && t.word(i + 1).equals("of");
  }

  private float emphasize(Tokens t, int i, float v, Evidence ev) {
    float sign = Math.signum(v);
    if (t.has(i, Tokens.CAPS) && t.capsDifferential()) {
      ev.cue("caps", t.word(i).toUpperCase(java.util.Locale.ROOT));
      v += sign * CAPS_EMPHASIS;
    }
    if (t.has(i, Tokens.ELONGATED)) {
      ev.cue("elongated", t.word(i));
      v += sign * ELONGATION_EMPHASIS;
    }
    return v;
  }

  private static float modify(Tokens t, int i, float v, Evidence ev, float[] lex) {
    float sign = Math.signum(v);
    for (int d = 1; d <= 3 && i - d >= 0; d++) {
      int j = i - d;
      if (t.has(j, Tokens.CLAUSE_END) || t.word(j).equals("but")) {
        break;
      }
      float scalar = boosterScalar(t, j);
      if (scalar != 0f) {
        v += sign * scalar * DISTANCE_DECAY[d - 1];
        ev.cue(scalar > 0 ? "booster" : "dampener", t.word(j) + " " + t.word(i));
      }
      if (negates(t, j) && !t.has(i, Tokens.EMOJI | Tokens.EMOTICON)
          && !WordLists.INTERJECTIONS.contains(t.word(i))) {
        v *= neverSo(t, j, i) ? NEVER_SO : NEGATION;
        ev.cue("negation", t.word(j) + " " + t.word(i));
      } else if (scalar == 0f && lex[j] != 0f) {
        break; // a negator's scope ends at the first opinion word: "don't care, don't care"
      }
    }
    return v;
  }

  /** "never so good", "never this happy": the negator intensifies instead of flipping. */
  private static boolean neverSo(Tokens t, int negator, int word) {
    if (!t.word(negator).equals("never")) {
      return false;
    }
    for (int k = negator + 1; k < word; k++) {
      String w = t.word(k);
      if (w.equals("so") || w.equals("this") || w.equals("such")) {
        return true;
      }
    }
    return false;
  }

  private static float boosterScalar(Tokens t, int j) {
    float scalar = t.modifier(j);
    if (scalar == 0f && t.word(j).equals("of") && j > 0 && isKindOf(t, j - 1)) {
      scalar = -WordLists.BOOST;
    }
    if (scalar != 0f && t.has(j, Tokens.CAPS) && t.capsDifferential()) {
      scalar += Math.signum(scalar) * CAPS_EMPHASIS;
    }
    return scalar;
  }

  private static boolean negates(Tokens t, int j) {
    String w = t.word(j);
    if (w.equals("least")) {
      return j == 0 || !(t.word(j - 1).equals("at") || t.word(j - 1).equals("very"));
    }
    return t.is(j, WordClasses.NEGATOR);
  }

  /** Sums the token valences with the "but" rule and punctuation emphasis, squashed to -1..1. */
  double compound(float[] v, Tokens t, Evidence ev) {
    int pivot = butIndex(t);
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      float weight = pivot < 0 ? 1f : i < pivot ? 0.5f : i > pivot ? 1.5f : 1f;
      sum += v[i] * weight;
    }
    if (pivot >= 0 && sum != 0) {
      ev.cue("but", "the clause after '" + t.word(pivot) + "' weighs more");
    }
    return normalize(sum + punctuation(sum, t, ev));
  }

  /** The first "but" of the text, or -1. */
  static int butIndex(Tokens t) {
    for (int i = 0; i < t.size; i++) {
      if (t.word(i).equals("but")) {
        return i;
      }
    }
    return -1;
  }

  private static double punctuation(double sum, Tokens t, Evidence ev) {
    if (sum == 0) {
      return 0;
    }
    double emphasis = Math.min(t.exclamations, 4) * 0.292;
    if (t.questions > 1) {
      emphasis += t.questions <= 3 ? t.questions * 0.18 : 0.96;
    }
    if (emphasis > 0) {
      ev.cue("punctuation", "!".repeat(Math.min(t.exclamations, 4))
          + (t.questions > 1 ? "?".repeat(Math.min(t.questions, 3)) : ""));
    }
    return Math.signum(sum) * emphasis;
  }

  static double normalize(double sum) {
    double score = sum / Math.sqrt(sum * sum + ALPHA);
    return Math.max(-1.0, Math.min(1.0, score));
  }
}
