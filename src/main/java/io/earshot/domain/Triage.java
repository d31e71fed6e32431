package io.earshot.domain;

import java.util.List;

/**
 * What triage concluded about one text: sentiment (-1..1) with its label and confidence, the
 * cues that fired, the contact reasons (strongest first) and the priority with its explanation.
 */
public record Triage(double sentiment, SentimentLabel label, double confidence, List<String> cues,
                     List<Reason> reasons, Priority priority) {
  public Triage {
    cues = List.copyOf(cues);
    reasons = List.copyOf(reasons);
  }

  public List<String> reasonCodes() {
    return reasons.stream().map(Reason::code).toList();
  }
}
