package io.earshot.inbox;

import io.earshot.domain.CaseStatus;

/**
 * What an agent changes on a case; null fields stay as they are ("" clears the assignee,
 * {@link #ME} assigns the acting user).
 */
public record CaseChange(CaseStatus status, String assignee) {
  public static final String ME = "me";
}
