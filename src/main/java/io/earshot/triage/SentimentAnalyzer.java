package io.earshot.triage;

import io.earshot.domain.SentimentLabel;

/**
 * Sentiment of one tokenized text: the general social-media rules first, then the
 * customer-care constructions on top, combined into a -1..1 score, a label and a confidence.
 */
final class SentimentAnalyzer {
  /** Below this magnitude a score is neutral, as in VADER's published evaluation. */
  static final double NEUTRAL_BAND = 0.05;

  private final SentimentRules rules;
  private final CareRules care;

  SentimentAnalyzer(Lexicon lexicon, CareRules care) {
    this.rules = new SentimentRules(lexicon);
    this.care = care;
  }

  double score(Tokens tokens, Evidence ev) {
    float[] valences = rules.valences(tokens, ev);
    care.apply(tokens, valences, ev);
    return rules.compound(valences, tokens, ev);
  }

  static SentimentLabel label(double score) {
    if (score >= NEUTRAL_BAND) {
      return SentimentLabel.POSITIVE;
    }
    return score <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
  }

  /**
   * How sure the label is: far from the neutral band and backed by several cues is sure; a
   * neutral text with no sentiment words at all is fairly sure too.
   */
  static double confidence(double score, Evidence ev) {
    int support = ev.sentimentWords + ev.complaintCues + ev.praiseCues;
    double magnitude = Math.abs(score);
    if (magnitude < NEUTRAL_BAND) {
      return support == 0 ? 0.7 : 0.5 - magnitude * 4;
    }
    double evidence = Math.min(1.0, support / 3.0);
    return round(0.4 + 0.35 * Math.min(1.0, magnitude / 0.6) + 0.25 * evidence);
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
