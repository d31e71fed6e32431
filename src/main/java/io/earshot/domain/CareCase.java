package io.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with one customer on one platform about one brand: the unit agents claim,
 * answer and resolve. {@code brand} is set when the case opens and never changes (a reply to the
 * thread joins it whichever brand it addresses: it is that conversation).
 * {@code triage} is the scoring of its latest mention; {@code priority} is recomputed as the
 * case waits. {@code version} grows with every change (each {@code with…} is one), so a writer
 * can store a decision only over the version it was decided on (optimistic concurrency). Named CareCase because {@code case} is a Java
 * keyword. Changes are made by {@link CaseLifecycle}, not by hand. {@code problemId} names the one
 * Problem the case is linked to (null: none).
 */
public record CareCase(String id, Platform platform, String account, String brand, String customerId,
                       String customerHandle, CaseStatus status, Priority priority, Triage triage,
                       String assignee, List<String> tags, String subject, String lastText,
                       int mentionCount, Instant createdAt, Instant updatedAt,
                       Instant lastMentionAt, Instant firstResponseAt, Instant resolvedAt, long version,
                       String problemId) {
  public CareCase {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public CareCase withStatus(CaseStatus next, Instant at) {
    Instant resolved = next == CaseStatus.RESOLVED ? at : null;
    return new CareCase(id, platform, account, brand, customerId, customerHandle, next, priority, triage, assignee, tags,
        subject, lastText, mentionCount, createdAt, at, lastMentionAt, firstResponseAt, resolved, version + 1, problemId);
  }

  public CareCase withAssignee(String next, Instant at) {
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, priority, triage, next, tags,
        subject, lastText, mentionCount, createdAt, at, lastMentionAt, firstResponseAt, resolvedAt, version + 1, problemId);
  }

  public CareCase withPriority(Priority next, Instant at) {
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, next, triage, assignee, tags,
        subject, lastText, mentionCount, createdAt, at, lastMentionAt, firstResponseAt, resolvedAt, version + 1, problemId);
  }

  public CareCase withFirstResponse(Instant at) {
    Instant first = firstResponseAt == null ? at : firstResponseAt;
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, priority, triage, assignee, tags,
        subject, lastText, mentionCount, createdAt, at, lastMentionAt, first, resolvedAt, version + 1, problemId);
  }

  public CareCase withProblem(String next, Instant at) {
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, priority, triage, assignee, tags,
        subject, lastText, mentionCount, createdAt, at, lastMentionAt, firstResponseAt, resolvedAt, version + 1, next);
  }

  public boolean isOpenForWork() {
    return status == CaseStatus.NEW || status == CaseStatus.OPEN;
  }
}
