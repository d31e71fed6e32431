package io.earshot.domain.broadcast;

import java.util.List;

/**
 * What a broadcast reads of a Problem (owned by the problems part): its title, brand, status,
 * the public summary that templates fill in, and the cases linked to it.
 */
public record ProblemFacts(String id, String title, String brand, String status, String publicSummary,
                           List<String> caseIds) {
  public ProblemFacts {
    caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
  }
}
