package io.earshot.store;

import java.time.Instant;
import java.util.List;

/**
 * One case as the inbox read model needs it: every field a list may filter or sort by, and the
 * text a search looks through (its mentions, the customer's handle and name, its notes). Read
 * from the case document's fields, including those other parts add ({@code team},
 * {@code snoozedUntil}, {@code sla.state}, {@code sla.dueAt}, {@code problemId}), so they are
 * searchable as soon as they are written. Nullable where the case has no such value.
 */
public record InboxEntry(String id, String brand, String platform, String status, String assignee, String team,
                         List<String> tags, String sentiment, List<String> reasons, int priority,
                         String customerId, Instant createdAt, Instant updatedAt, Instant lastMentionAt,
                         Instant firstResponseAt, String problemId, String slaState, Instant slaDueAt,
                         Instant snoozedUntil, String text) {
  public InboxEntry {
    tags = tags == null ? List.of() : List.copyOf(tags);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
