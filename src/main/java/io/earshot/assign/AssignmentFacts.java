package io.earshot.assign;

import io.earshot.domain.Assignment;
import io.earshot.domain.CareCase;
import io.earshot.domain.Candidate;
import io.vertx.core.Future;

/**
 * Reads what {@link io.earshot.domain.CaseLifecycle#assign} judges: the person and the team a
 * change names. Futures fail only with the stores' errors.
 */
public final class AssignmentFacts {
  private final People people;
  private final TeamService teams;

  public AssignmentFacts(People people, TeamService teams) {
    this.people = people;
    this.teams = teams;
  }

  /**
   * The assignment of {@code c} to {@code assignee} and {@code team}: each null keeps what the
   * case has, "" gives it to nobody / no team.
   */
  public Future<Assignment> resolve(CareCase c, String assignee, String team) {
    String person = assignee == null ? c.assignee() : assignee.isEmpty() ? null : assignee;
    String group = team == null ? c.team() : team.isEmpty() ? null : team;
    Future<Candidate> candidate = person == null || person.equals(c.assignee())
        ? Future.succeededFuture(null) : people.candidate(person);
    Future<Boolean> known = group == null || group.equals(c.team()) ? Future.succeededFuture(true) : teams.exists(group);
    return Future.all(candidate, known).map(v -> new Assignment(person, candidate.result(), group, known.result()));
  }
}
