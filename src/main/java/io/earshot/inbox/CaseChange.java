package io.earshot.inbox;

import io.earshot.domain.CaseStatus;

/**
 * What an agent changes on a case; null fields stay as they are ("" clears the assignee or the
 * team, {@link #ME} assigns the acting user).
 */
public record CaseChange(CaseStatus status, String assignee, String team) {
  public static final String ME = "me";
}
