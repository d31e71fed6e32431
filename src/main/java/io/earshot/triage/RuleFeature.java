package io.earshot.triage;

/**
 * The sentiment model's inputs that come from the rules rather than from single words: the
 * lexicon's verdict, what the customer-care rules found, and the shape of the text. Each has a
 * stable name (its feature name in the trained model) and the words an agent reads when it
 * drives a decision.
 */
enum RuleFeature {
  COMPOUND("lexicon rules' score"),
  RULES_POSITIVE("the rules read it as positive"),
  RULES_NEGATIVE("the rules read it as negative"),
  RULES_STRONG("how far beyond a mild score the rules read it"),
  CARE_RULES_NEGATIVE("the rules read a care post as negative"),
  POSITIVE("positive words"),
  NEGATIVE("negative words"),
  NO_POLAR_WORD("no opinion word"),
  CARE_CONTEXT("written to a brand or about a service"),
  CARE_POSITIVE("positive words to a brand"),
  CARE_NEGATIVE("negative words to a brand"),
  COMPLAINT("complaint"),
  STRONG_COMPLAINT("strong complaint"),
  PRAISE("praise"),
  REQUEST("a request or question"),
  PLAIN_QUESTION("a plain question"),
  THANKS("thanks"),
  SARCASM("sarcasm"),
  NEGATION("negation"),
  BUT("a 'but' clause"),
  EMPHASIS("emphasis"),
  EXCLAMATION("exclamation"),
  MULTI_QUESTION("'??'"),
  EMOJI_POSITIVE("positive emoji"),
  EMOJI_NEGATIVE("negative emoji"),
  LONG("a long post");

  private final String label;
  private final String featureName;

  RuleFeature(String label) {
    this.label = label;
    this.featureName = "rule:" + name().toLowerCase(java.util.Locale.ROOT);
  }

  String featureName() {
    return featureName;
  }

  String label() {
    return label;
  }
}
