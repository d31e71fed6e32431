package io.earshot.problem;

import java.time.Instant;
import java.util.List;

/**
 * Many cases, one root cause: a Problem owned by a department. {@code caseIds} are the linked
 * cases in the order they were linked; {@code reasons} the contact reasons that describe its
 * cases (from the alert it came from, or its first cases), used to suggest more cases and to
 * count the contacts that stopped after the fix. {@code version} grows with every change, so a
 * change is stored only over the version it was decided on. Changed by {@link ProblemLifecycle}.
 */
public record Problem(String id, String title, String brand, String department, ProblemStatus status,
                      Severity severity, String publicSummary, List<String> caseIds, List<String> reasons,
                      String fromAlert, String createdBy, Instant createdAt, Instant updatedAt, Instant resolvedAt,
                      long version) {
  public Problem {
    caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public boolean isOpen() {
    return status != ProblemStatus.RESOLVED;
  }

  Problem with(ProblemStatus nextStatus, Severity nextSeverity, String nextSummary, String nextDepartment,
               String nextTitle, List<String> nextCases, Instant at) {
    Instant resolved = nextStatus == ProblemStatus.RESOLVED ? (status == ProblemStatus.RESOLVED ? resolvedAt : at) : null;
    return new Problem(id, nextTitle, brand, nextDepartment, nextStatus, nextSeverity, nextSummary, nextCases, reasons,
        fromAlert, createdBy, createdAt, at, resolved, version + 1);
  }
}
