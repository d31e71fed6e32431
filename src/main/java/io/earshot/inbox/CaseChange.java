package io.earshot.inbox;

import io.earshot.domain.CaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * What an agent changes on a case; null fields stay as they are ("" clears the assignee or the
 * team, {@link #ME} assigns the acting user). {@code tags} replaces the tags, {@code addTags} adds
 * to them (bulk tagging); {@code snooze} null leaves the snooze alone, {@link Snooze#END} ends it.
 */
public record CaseChange(CaseStatus status, String assignee, String team, List<String> tags, List<String> addTags,
                         Snooze snooze) {
  public static final String ME = "me";

  public CaseChange(CaseStatus status, String assignee) {
    this(status, assignee, null, null, null, null);
  }

  public CaseChange(CaseStatus status, String assignee, String team) {
    this(status, assignee, team, null, null, null);
  }

  /** Snooze until {@code until}; null {@code until} ends a snooze. */
  public record Snooze(Instant until) {
    public static final Snooze END = new Snooze(null);
  }

  boolean isEmpty() {
    return status == null && assignee == null && team == null && tags == null && addTags == null && snooze == null;
  }
}
