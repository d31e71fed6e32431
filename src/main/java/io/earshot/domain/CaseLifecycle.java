package io.earshot.domain;

import io.earshot.domain.event.CaseEvents.CaseAssigned;
import io.earshot.domain.event.CaseworkEvents.CaseMerged;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozeEnded;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozed;
import io.earshot.domain.event.CaseworkEvents.CaseTagged;
import io.earshot.domain.event.CaseEvents.CaseReprioritized;
import io.earshot.domain.event.CaseEvents.CaseResponded;
import io.earshot.domain.event.CaseEvents.CaseStatusChanged;
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

  /** Replaces the case's tags (validated and normalized by {@link Tags}, refusals naming {@code tags}). */
  public static Decision<CareCase> tag(CareCase c, List<String> tags, String actor, Instant at) {
    List<String> next = Tags.ofCase(tags, "tags");
    List<String> added = next.stream().filter(t -> !c.tags().contains(t)).toList();
    List<String> removed = c.tags().stream().filter(t -> !next.contains(t)).toList();
    if (added.isEmpty() && removed.isEmpty()) {
      return Decision.unchanged(c);
    }
    CareCase after = c.withTags(next, at);
    return new Decision<>(after, List.of(new CaseTagged(after, added, removed, actor, at)));
  }

  /**
   * Snoozes the case until {@code until} (it waits, {@code pending}, until then), or ends its
   * snooze when {@code until} is null (it is open again). A resolved case is not snoozed; the
   * time must lie ahead. Refusals name {@code snoozedUntil}.
   */
  public static Decision<CareCase> snooze(CareCase c, Instant until, String actor, Instant at) {
    if (until == null) {
      return c.isSnoozed() ? endSnooze(c, actor, at) : Decision.unchanged(c);
    }
    if (!until.isAfter(at)) {
      throw new DomainError.Invalid("snoozedUntil", "must be a time in the future");
    }
    if (c.status() == CaseStatus.RESOLVED) {
      throw new DomainError.Invalid("snoozedUntil", "a resolved case cannot be snoozed; reopen it first");
    }
    // Stores keep milliseconds; deciding on the stored precision keeps events and reads equal.
    Instant kept = until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (kept.equals(c.snoozedUntil())) {
      return Decision.unchanged(c);
    }
    CareCase after = c.withSnooze(kept, at);
    return new Decision<>(after, List.of(new CaseSnoozed(after, c.status(), actor, at)));
  }

  /** A snoozed case whose time came ({@code now} at or past it) returns: open, no longer snoozed. */
  public static Decision<CareCase> wake(CareCase c, Instant now) {
    if (!c.isSnoozed() || now.isBefore(c.snoozedUntil())) {
      return Decision.unchanged(c);
    }
    return endSnooze(c, DomainEvent.SNOOZE, now);
  }

  private static Decision<CareCase> endSnooze(CareCase c, String actor, Instant at) {
    CareCase after = c.withStatus(CaseStatus.OPEN, at);
    return new Decision<>(after, List.of(new CaseSnoozeEnded(after, c.snoozedUntil(), actor, at)));
  }

  /**
   * Whether {@code from} may be merged into {@code into}: two different cases of one customer, on
   * one platform, with one brand. Refusals name {@code from}: {@link DomainError.Invalid} for the
   * case itself, {@link DomainError.Unprocessable} for a case of someone or somewhere else.
   */
  public static void checkMerge(CareCase into, CareCase from) {
    if (into.id().equals(from.id())) {
      throw new DomainError.Invalid("from", "a case cannot be merged into itself");
    }
    if (!into.customerId().equals(from.customerId())) {
      throw new DomainError.Unprocessable("from", "case " + from.id() + " is another customer's");
    }
    if (into.platform() != from.platform()) {
      throw new DomainError.Unprocessable("from", "case " + from.id() + " is on another platform");
    }
    if (!Objects.equals(into.brand(), from.brand())) {
      throw new DomainError.Unprocessable("from", "case " + from.id() + " is about another brand");
    }
  }

  /**
   * What a merge tells once {@code from}'s mentions, replies and notes were moved into
   * {@code into} (both as read after the move): the target changed, the source is resolved.
   */
  public static Decision<CareCase> merged(CareCase into, CareCase from, CaseStatus fromWas, List<String> mentionIds,
                                          String actor, Instant at) {
    CareCase after = into.touched(at);
    List<DomainEvent> events = new ArrayList<>(List.of(new CaseMerged(after, from, mentionIds, actor, at)));
    if (fromWas != CaseStatus.RESOLVED) {
      events.add(new CaseStatusChanged(from, fromWas, CaseStatus.RESOLVED, actor, at));
    }
    return new Decision<>(after, events);
  }
}
