package io.earshot.domain;

import io.earshot.domain.event.DomainEvent.CaseAssigned;
import io.earshot.domain.event.DomainEvent.CaseReprioritized;
import io.earshot.domain.event.DomainEvent.CaseResponded;
import io.earshot.domain.event.DomainEvent.CaseStatusChanged;
import io.earshot.domain.event.DomainEvent;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The life of a case after it was opened, as pure functions: (case, command) → the new case and
 * the events the change causes, or a typed refusal. A case starts {@code new}; agents move it to
 * {@code open}, {@code pending} (waiting for the customer) or {@code resolved}; a published reply
 * makes a new or open case {@code pending}; a customer writing again reopens it (decided by
 * ingest, see {@code ingest/}). Nothing goes back to {@code new}. Repeating the current state is
 * no change at all, so retried requests are harmless.
 */
public final class CaseLifecycle {
  private CaseLifecycle() {
  }

  /** An agent (or admin) moves the case; fails with {@link DomainError.Invalid} for {@code new}. */
  public static Decision<CareCase> changeStatus(CareCase c, CaseStatus to, String actor, Instant at) {
    if (to == c.status()) {
      return Decision.unchanged(c);
    }
    if (to == CaseStatus.NEW) {
      throw new DomainError.Invalid("status", "a case cannot go back to new; use open");
    }
    CareCase after = c.withStatus(to, at);
    return new Decision<>(after, List.of(new CaseStatusChanged(after, c.status(), to, actor, at)));
  }

  /**
   * Gives the case to a person and/or a team (null: nobody, no team). Fails with
   * {@link DomainError.Unprocessable} naming {@code assignee} for a new assignee who is no user, is
   * disabled or works no cases, and naming {@code team} for a team that does not exist.
   */
  public static Decision<CareCase> assign(CareCase c, Assignment to, String actor, Instant at) {
    boolean newPerson = !Objects.equals(to.assignee(), c.assignee());
    boolean newTeam = !Objects.equals(to.team(), c.team());
    if (!newPerson && !newTeam) {
      return Decision.unchanged(c);
    }
    if (newPerson && to.assignee() != null) {
      refuseUnassignable(to.assignee(), to.candidate());
    }
    if (newTeam && to.team() != null && !to.teamExists()) {
      throw new DomainError.Unprocessable("team", "there is no team named '" + to.team() + "' (GET /api/v1/teams)");
    }
    CareCase after = c.withAssignment(to.assignee(), to.team(), at);
    return new Decision<>(after, List.of(new CaseAssigned(after, c.assignee(), to.assignee(), actor, at, c.team(),
        to.team())));
  }

  private static void refuseUnassignable(String name, Candidate candidate) {
    if (candidate == null) {
      throw new DomainError.Unprocessable("assignee", "there is no user named '" + name + "'");
    }
    if (candidate.disabled()) {
      throw new DomainError.Unprocessable("assignee", "'" + name + "' is disabled and cannot be given cases");
    }
    if (!candidate.worksCases()) {
      throw new DomainError.Unprocessable("assignee", "'" + name + "' is a marketer and works no cases");
    }
  }

  /**
   * A brand reply in the case was published: the first one sets the first-response time, and a
   * case still waiting for the brand now waits for the customer. A resolved case stays resolved.
   */
  public static Decision<CareCase> responded(CareCase c, String replyId, Instant at) {
    boolean first = c.firstResponseAt() == null;
    CareCase after = c.withFirstResponse(at);
    List<DomainEvent> events = new ArrayList<>();
    if (c.isOpenForWork()) {
      after = after.withStatus(CaseStatus.PENDING, at);
      events.add(new CaseStatusChanged(after, c.status(), CaseStatus.PENDING, DomainEvent.PUBLISHER, at));
    }
    events.add(0, new CaseResponded(after, replyId, first, at));
    return new Decision<>(after, events);
  }

  /** A waiting case's recomputed priority; only a case still waiting for the brand climbs. */
  public static Decision<CareCase> reprioritize(CareCase c, Priority next, Instant at) {
    if (!c.isOpenForWork() || next.equals(c.priority())) {
      return Decision.unchanged(c);
    }
    CareCase after = c.withPriority(next, at);
    return new Decision<>(after, List.of(new CaseReprioritized(after, c.priority().value(), at)));
  }
}
