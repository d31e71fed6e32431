package io.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with one customer on one platform: the unit agents claim, answer and resolve.
 * {@code triage} is the scoring of its latest mention; {@code priority} is recomputed as the
 * case waits. Named CareCase because {@code case} is a Java keyword.
 */
public record CareCase(String id, Platform platform, String account, String customerId,
                       String customerHandle, CaseStatus status, Priority priority, Triage triage,
                       String assignee, List<String> tags, String subject, String lastText,
                       int mentionCount, Instant createdAt, Instant updatedAt,
                       Instant lastMentionAt, Instant firstResponseAt, Instant resolvedAt) {
  public CareCase {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
