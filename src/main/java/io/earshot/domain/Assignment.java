package io.earshot.domain;

/**
 * Who a case is to be given to, with what is known about them: {@code assignee} (null: nobody)
 * and the stored person of that name ({@code candidate}, null when there is none); {@code team}
 * (null: none) and whether such a team exists. {@link CaseLifecycle#assign} judges only what
 * changes, so keeping a case with someone since disabled is no refusal.
 */
public record Assignment(String assignee, Candidate candidate, String team, boolean teamExists) {

  /** To a person known to work cases, keeping the case's team (how routing assigns). */
  public static Assignment toAgent(CareCase c, String username) {
    return new Assignment(username, new Candidate(username, false, true), c.team(), true);
  }

  /** Back to the queue: nobody, keeping the case's team. */
  public static Assignment toQueue(CareCase c) {
    return new Assignment(null, null, c.team(), true);
  }
}
