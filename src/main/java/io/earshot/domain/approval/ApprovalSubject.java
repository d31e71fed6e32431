package io.earshot.domain.approval;

import java.time.Instant;
import java.util.List;

/**
 * What a policy looks at when something is submitted: the text that would go out, whom it
 * answers (their reach), how the case reads (its latest sentiment and contact reasons), where
 * it goes, and since when its author has worked here ({@code authorSince}, null when unknown).
 */
public record ApprovalSubject(ApprovalKind kind, String brand, String text, long followers, boolean verified,
                              Double sentiment, List<String> reasons, String platform, Instant authorSince,
                              boolean authorFlagged, Instant now) {
  public ApprovalSubject {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
