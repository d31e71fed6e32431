package io.earshot.domain;

import java.util.List;

/**
 * What triage concluded about one text: sentiment (-1..1) with its label and confidence (the
 * calibrated probability of that label), the cues that fired, the contact reasons (topics
 * strongest first, then speech acts), the priority with its explanation, and the language it
 * was read in ({@code lang}, ISO 639-1; null when it was not identified, as for results stored
 * before language identification).
 */
public record Triage(double sentiment, SentimentLabel label, double confidence, List<String> cues,
                     List<Reason> reasons, Priority priority, String lang) {
  /** Below this confidence the label is shown as unsure. */
  public static final double UNSURE_BELOW = 0.6;

  public Triage {
    cues = List.copyOf(cues);
    reasons = List.copyOf(reasons);
  }

  public Triage(double sentiment, SentimentLabel label, double confidence, List<String> cues,
                List<Reason> reasons, Priority priority) {
    this(sentiment, label, confidence, cues, reasons, priority, null);
  }

  public List<String> reasonCodes() {
    return reasons.stream().map(Reason::code).toList();
  }

  /** The label is a guess: the model gave it less than {@link #UNSURE_BELOW}. */
  public boolean unsure() {
    return confidence < UNSURE_BELOW;
  }
}
