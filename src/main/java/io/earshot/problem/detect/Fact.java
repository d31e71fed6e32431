package io.earshot.problem.detect;

import java.time.Instant;
import java.util.List;

/**
 * What the detector knows of one mention: when it was written ({@code createdAt}, event time),
 * the brand it addresses, its contact reasons and sentiment, its distinctive phrases, and the
 * case it joined (for the Problem an alert proposes).
 */
public record Fact(String mentionId, String caseId, String brand, List<String> reasons, double sentiment,
                   List<String> phrases, Instant createdAt) {
  public Fact {
    reasons = List.copyOf(reasons);
    phrases = List.copyOf(phrases);
  }
}
