package io.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * An internal note on a case: written by an agent for the team, never sent to the customer.
 * {@code mentions} are the usernames of existing users it names with {@code @username} (each
 * is notified live); names that match nobody stay plain text.
 */
public record Note(String id, String caseId, String author, String text, List<String> mentions, Instant createdAt) {
  public Note {
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }
}
