package io.earshot.inbox;

import io.earshot.assign.AssignmentFacts;
import io.earshot.auth.User;
import io.earshot.domain.Assignment;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.Decision;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.SnoozeStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * An agent's changes to a case (status, assignee, team, tags, snooze): checked against the actor's role, decided by
 * {@link CaseLifecycle}, stored only on the version they were decided on (re-decided on a fresh
 * read when ingest or another agent got there first) and told through the event dispatcher.
 * Futures fail with {@link DomainError.NotFound}, {@code Forbidden}, {@code Invalid} or
 * {@code Conflict} (still contended after a few attempts), and with {@code Unprocessable} for an
 * assignee or team that cannot be given the case.
 */
public final class CaseChanges {
  private static final int ATTEMPTS = 4;
  private final CaseStore cases;
  private final SnoozeStore snoozes;
  private final EventDispatcher dispatcher;
  private final Clock clock;
  private final AssignmentFacts facts;

  public CaseChanges(CaseStore cases, SnoozeStore snoozes, EventDispatcher dispatcher, Clock clock,
                     AssignmentFacts facts) {
    this.facts = facts;
    this.cases = cases;
    this.snoozes = snoozes;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<CareCase> change(String id, CaseChange change, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot change cases"));
    }
    if (change.isEmpty()) {
      return Future.failedFuture(new DomainError.Invalid("status",
          "give a status, an assignee, a team, tags or snoozedUntil to change"));
    }
    return StaleWrite.retry(ATTEMPTS, () -> load(id).compose(c -> assignment(c, change, user.username())
            .compose(to -> apply(c, change, to, user.username()))))
        .recover(e -> Future.failedFuture(e instanceof StaleWrite
            ? new DomainError.Conflict("case " + id + " keeps changing; reload it and try again") : e));
  }

  private Future<CareCase> load(String id) {
    return cases.get(id).compose(c -> c == null
        ? Future.failedFuture(new DomainError.NotFound("no case " + id)) : Future.succeededFuture(c));
  }

  /** Who the change gives the case to, or null when it changes neither the assignee nor the team. */
  private Future<Assignment> assignment(CareCase c, CaseChange change, String actor) {
    if (change.assignee() == null && change.team() == null) {
      return Future.succeededFuture(null);
    }
    // "me" is whoever the server authenticated, so a page never claims in a name it assumed.
    String named = CaseChange.ME.equals(change.assignee()) ? actor : change.assignee();
    return facts.resolve(c, named, change.team());
  }

  private Future<CareCase> apply(CareCase c, CaseChange change, Assignment to, String actor) {
    Instant now = clock.instant();
    Decision<CareCase> decision = Decision.unchanged(c);
    if (change.status() != null) {
      decision = decision.then(s -> CaseLifecycle.changeStatus(s, change.status(), actor, now));
    }
    if (to != null) {
      decision = decision.then(s -> CaseLifecycle.assign(s, to, actor, now));
    }
    decision = casework(decision, change, actor, now);
    if (!decision.changed()) {
      return Future.succeededFuture(c);
    }
    Change stored = Change.of(MongoStore.CASES, c.id(), decision.events());
    CareCase decided = decision.state();
    return rememberSnooze(c, decided)
        .compose(v -> dispatcher.apply(stored, () -> cases.save(decided, c.version(), stored.id())));
  }

  /** Tags and snooze, after status and assignee: snoozing makes the case pending whatever it was set to. */
  private static Decision<CareCase> casework(Decision<CareCase> decision, CaseChange change, String actor, Instant now) {
    Decision<CareCase> d = decision;
    if (change.tags() != null) {
      d = d.then(s -> CaseLifecycle.tag(s, change.tags(), actor, now));
    }
    if (change.addTags() != null) {
      d = d.then(s -> CaseLifecycle.tag(s, Stream.concat(s.tags().stream(), change.addTags().stream()).toList(),
          actor, now));
    }
    if (change.snooze() != null) {
      d = d.then(s -> CaseLifecycle.snooze(s, change.snooze().until(), actor, now));
    }
    return d;
  }

  /**
   * A new snooze is remembered in the wake-up's working set before the case is written: a crash
   * in between leaves an entry the wake-up forgets, never a snoozed case nobody wakes.
   */
  private Future<Void> rememberSnooze(CareCase before, CareCase decided) {
    boolean snoozedNow = decided.isSnoozed() && !decided.snoozedUntil().equals(before.snoozedUntil());
    return snoozedNow ? snoozes.remember(decided.id(), decided.snoozedUntil()) : Future.succeededFuture();
  }
}
