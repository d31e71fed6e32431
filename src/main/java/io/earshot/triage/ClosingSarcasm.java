package io.earshot.triage;

import java.util.Set;

/**
 * "Waited 40 minutes on hold. Lovely.", "no apology? Cool.": a complaint closed by a sentence of
 * one or two words of praise is sarcasm, the praise word is read as mildly negative. The body
 * must read badly (a word or care phrase of valence -1 or worse, a complaint phrase, or a negated
 * question such as "no apology?") and carry no praise and no turn of its own ("lost, but the agent
 * found it"), so "it was sorted in minutes. Great!" stays praise. Thanks are left to politeness ({@link CareRules}): a closing "thanks" after a
 * complaint is as often polite as sarcastic. Applied to care text only ({@link CareContext}): in
 * general posts a closing "great" after bad news is as often sincere relief.
 */
final class ClosingSarcasm {
  /** The closing praise may be this long, besides mentions, emoji and words like "just" or "so". */
  private static final int MAX_CLOSING_WORDS = 2;
  private static final Set<String> PRAISE = WordSets.of("great", "cool", "nice", "lovely", "perfect",
      "awesome", "brilliant", "fantastic", "wonderful", "excellent", "amazing", "superb", "classy",
      "splendid", "terrific", "marvellous", "marvelous", "fab", "fabulous", "outstanding", "stellar",
      "bravo", "genius", "impressive", "yay", "good", "wow", "sweet", "fun", "love", "congrats");

  private ClosingSarcasm() {
  }

  static void apply(Tokens t, float[] v, Evidence ev) {
    int last = lastWord(t, t.size - 1);
    if (last < 0) {
      return;
    }
    int start = clauseStart(t, last);
    int praise = closingPraise(t, v, start, last);
    if (praise >= 0 && readsBadly(t, v, ev, start)) {
      ev.cue("sarcasm", t.word(praise));
      v[praise] = -0.5f * v[praise];
    }
  }

  /** The last token at or before {@code i} that is a word (not a mention, emoji or emoticon). */
  private static int lastWord(Tokens t, int i) {
    while (i >= 0 && t.has(i, Tokens.SKIP | Tokens.EMOJI | Tokens.EMOTICON)) {
      i--;
    }
    return i;
  }

  /** The first token of the sentence or clause that {@code last} ends. */
  private static int clauseStart(Tokens t, int last) {
    int i = last;
    while (i > 0 && !t.has(i - 1, Tokens.CLAUSE_END)) {
      i--;
    }
    return i;
  }

  /** The one praise word of a short closing clause [start, last], or -1. */
  private static int closingPraise(Tokens t, float[] v, int start, int last) {
    if (start == 0) {
      return -1;
    }
    int words = 0;
    int praise = -1;
    for (int i = start; i <= last; i++) {
      if (t.has(i, Tokens.SKIP | Tokens.EMOJI | Tokens.EMOTICON) || t.is(i, WordClasses.BOOSTER)) {
        continue;
      }
      words++;
      if (v[i] > 0 && PRAISE.contains(t.word(i))) {
        praise = praise < 0 ? i : praise;
      } else if (v[i] != 0) {
        return -1; // another judging word: not a bare closing of praise
      }
    }
    return words <= MAX_CLOSING_WORDS ? praise : -1;
  }

  /** Whether the text before the closing clause complains, praises nothing and does not turn. */
  private static boolean readsBadly(Tokens t, float[] v, Evidence ev, int end) {
    boolean bad = ev.complaintCues > 0;
    boolean negator = false;
    for (int i = 0; i < end; i++) {
      if (v[i] > 0.5f || t.word(i).equals("but")) {
        return false;
      }
      bad |= v[i] <= -1.0f;
      negator |= t.is(i, WordClasses.NEGATOR);
    }
    return bad || (negator && t.questions > 0);
  }
}
