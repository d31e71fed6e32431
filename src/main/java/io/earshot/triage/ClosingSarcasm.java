package io.earshot.triage;

import java.util.Set;

/**
 * Sarcasm that closes a post. A care post whose last sentence is one or two words of praise
 * after a complaint ("Waited 40 minutes on hold. Lovely.", "no apology? Cool.") has that word read
 * as mildly negative. The body must read badly (a word or care phrase of valence -1 or worse, a
 * complaint phrase, or a negated question such as "no apology?") and carry no praise and no
 * "but" of its own, so "it was sorted in minutes. Great!" stays praise; this reading is for care
 * text only ({@link CareContext}), since in general posts a closing "great" after bad news is as
 * often sincere relief. Thanks are left to politeness ({@link CareRules}): a closing "thanks"
 * after a complaint is as often polite as sarcastic. Any post closed by a marking hashtag
 * ("#not", "#sarcasm") has every word of praise before the tag turned the same way.
 */
final class ClosingSarcasm {
  /** The closing praise may be this long, besides mentions, emoji and words like "just" or "so". */
  private static final int MAX_CLOSING_WORDS = 2;
  /**
   * Praise that closes a complaint sarcastically. Not {@link CareRules}' sarcasm-prone words:
   * those include words that close a post sincerely ("best", "happy", "glad", "appreciate"), and
   * reading them here cost VADER's r and one care post.
   */
  private static final Set<String> PRAISE = WordSets.of("great", "cool", "nice", "lovely", "perfect",
      "awesome", "brilliant", "fantastic", "wonderful", "excellent", "amazing", "superb", "classy",
      "splendid", "terrific", "marvellous", "marvelous", "fab", "fabulous", "outstanding", "stellar",
      "bravo", "genius", "impressive", "yay", "good", "wow", "sweet", "fun", "love", "congrats");
  /** Hashtags that say the post means the opposite, when they close it. */
  private static final Set<String> MARKERS = WordSets.of("not", "sarcasm", "sarcastic", "notreally");

  private ClosingSarcasm() {
  }

  /** Applies both readings; the closing praise only to {@code care} text ({@link CareContext}). */
  static void apply(Tokens t, float[] v, Evidence ev, boolean care) {
    int last = lastWord(t, t.size - 1);
    if (last < 0) {
      return;
    }
    if (t.has(last, Tokens.HASHTAG) && MARKERS.contains(t.word(last))) {
      markedSarcasm(t, v, ev, last);
      return;
    }
    if (!care) {
      return;
    }
    int start = clauseStart(t, last);
    int praise = closingPraise(t, v, start, last);
    if (praise >= 0 && readsBadly(t, v, ev, start)) {
      ev.cue("sarcasm", t.word(praise));
      v[praise] = -0.5f * v[praise];
    }
  }

  /** "Great charger that works so well! #not": every word of praise before the marker is turned. */
  private static void markedSarcasm(Tokens t, float[] v, Evidence ev, int marker) {
    ev.cue("sarcasm", "#" + t.word(marker));
    for (int i = 0; i < marker; i++) {
      if (v[i] > 0) {
        v[i] = -0.5f * v[i];
      }
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
    int but = SentimentRules.butIndex(t);
    if (but >= 0 && but < end) {
      return false;
    }
    boolean bad = ev.complaintCues > 0;
    boolean negator = false;
    for (int i = 0; i < end; i++) {
      if (v[i] > 0.5f) {
        return false;
      }
      bad |= v[i] <= -1.0f;
      negator |= t.is(i, WordClasses.NEGATOR);
    }
    return bad || (negator && t.questions > 0);
  }
}
