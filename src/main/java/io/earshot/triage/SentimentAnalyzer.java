package io.earshot.triage;

import io.earshot.domain.SentimentLabel;

/**
 * The rules' reading of one tokenized text: the general social-media rules first, then the
 * customer-care constructions on top, giving word valences, a -1..1 rule score and the
 * {@link Evidence} of what fired. The sentiment model weighs this reading; it is not the verdict.
 */
final class SentimentAnalyzer {
  /** Below this magnitude a rule score is neutral, as in VADER's published evaluation. */
  static final double NEUTRAL_BAND = 0.05;

  private final SentimentRules rules;
  private final CareRules care;

  /** Word valences after every rule, the rules' compound score and what fired. */
  record Reading(float[] valences, double compound, Evidence evidence) {
  }

  /** The lexicon's valences come with the tokens ({@link Tokens#lexicon}). */
  SentimentAnalyzer(CareRules care) {
    this.rules = new SentimentRules();
    this.care = care;
  }

  Reading read(Tokens tokens) {
    Evidence ev = new Evidence();
    float[] valences = rules.valences(tokens, ev);
    care.apply(tokens, valences, ev);
    double compound = rules.compound(valences, tokens, ev);
    return new Reading(valences, compound, ev);
  }

  static SentimentLabel label(double score) {
    if (score >= NEUTRAL_BAND) {
      return SentimentLabel.POSITIVE;
    }
    return score <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
  }
}
