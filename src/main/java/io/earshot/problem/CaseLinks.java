package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Decision;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseNoteWrites;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ProblemStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cases and their Problem: linking (each case first, through {@link ProblemLifecycle#linkCase},
 * so a case is never in two Problems; then the Problem's list), and resolving a resolved
 * Problem's cases through the case lifecycle, each with a note saying why. A case that cannot be
 * linked (unknown, another brand, in another Problem) is skipped with the reason, never failing
 * the others. A case a customer reopens later stays linked; the Problem stays resolved.
 */
public final class CaseLinks {
  public static final int MAX_CASES = 500;
  private static final int ATTEMPTS = 4;
  private final CaseStore cases;
  private final ProblemStore problems;
  private final CaseNoteWrites notes;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  /** What linking did: the Problem after it, the cases linked now, and those skipped with why. */
  public record Linked(Problem problem, List<String> linked, List<Map<String, String>> skipped) {
  }

  /** A Problem after a change, and how many of its cases that change resolved. */
  public record Resolved(Problem problem, int resolvedCases) {
  }

  public CaseLinks(CaseStore cases, ProblemStore problems, CaseNoteWrites notes, EventDispatcher dispatcher,
                   Clock clock) {
    this.cases = cases;
    this.problems = problems;
    this.notes = notes;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<Linked> link(Problem p, List<String> caseIds, User user) {
    if (caseIds.isEmpty() || caseIds.size() > MAX_CASES) {
      return Future.failedFuture(new DomainError.Invalid("caseIds", "give 1 to " + MAX_CASES + " case ids"));
    }
    List<String> linked = new ArrayList<>();
    List<Map<String, String>> skipped = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String id : caseIds.stream().distinct().toList()) {
      chain = chain.compose(v -> linkOne(p, id, user.username()).map(ok -> {
        linked.add(id);
        return (Void) null;
      }).recover(e -> {
        if (!(e instanceof DomainError)) {
          return Future.failedFuture(e);
        }
        skipped.add(Map.of("caseId", id, "reason", e.getMessage()));
        return Future.succeededFuture();
      }));
    }
    return chain.compose(v -> linked.isEmpty() ? Future.succeededFuture(p)
            : decide(p.id(), q -> ProblemLifecycle.link(q, linked, user.username(), clock.instant())))
        .map(after -> new Linked(after, linked, skipped));
  }

  private Future<CareCase> linkOne(Problem p, String caseId, String actor) {
    return StaleWrite.retry(ATTEMPTS, () -> cases.get(caseId).compose(c -> {
      if (c == null) {
        return Future.failedFuture(new DomainError.NotFound("no case " + caseId));
      }
      if (!c.brand().equals(p.brand())) {
        return Future.failedFuture(new DomainError.Invalid("caseIds", "case " + caseId + " is about brand " + c.brand()));
      }
      return store(c, ProblemLifecycle.linkCase(c, p.id(), actor, clock.instant()));
    }));
  }

  /** Resolves every linked case not resolved yet, each with a note naming the Problem. */
  public Future<Resolved> resolveCases(Problem p, User user) {
    int[] resolved = {0};
    Future<Void> chain = Future.succeededFuture();
    for (String id : p.caseIds()) {
      chain = chain.compose(v -> resolveOne(p, id, user.username()).map(done -> {
        resolved[0] += done ? 1 : 0;
        return (Void) null;
      }));
    }
    return chain.map(v -> new Resolved(p, resolved[0]));
  }

  private Future<Boolean> resolveOne(Problem p, String caseId, String actor) {
    return StaleWrite.retry(ATTEMPTS, () -> cases.get(caseId).compose(c -> {
      if (c == null || c.status() == CaseStatus.RESOLVED) {
        return Future.succeededFuture(false);
      }
      Instant now = clock.instant();
      String text = "Resolved with Problem \"" + p.title() + "\"" + (p.publicSummary() == null ? "" : ": "
          + p.publicSummary());
      String noteId = "problem:" + p.id() + ":" + caseId + ":" + p.resolvedAt().toEpochMilli();
      return notes.write(noteId, caseId, actor, text, now)
          .compose(v -> store(c, CaseLifecycle.changeStatus(c, CaseStatus.RESOLVED, actor, now))).map(true);
    }));
  }

  private Future<CareCase> store(CareCase before, Decision<CareCase> d) {
    if (!d.changed()) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.CASES, before.id(), d.events());
    return dispatcher.apply(change, () -> cases.save(d.state(), before.version(), change.id()));
  }

  private Future<Problem> decide(String id, Function<Problem, Decision<Problem>> decision) {
    return StaleWrite.retry(ATTEMPTS, () -> problems.get(id).compose(p -> {
      Decision<Problem> d = decision.apply(p);
      if (!d.changed()) {
        return Future.succeededFuture(p);
      }
      Change change = Change.of(ProblemStore.PROBLEMS, p.id(), d.events());
      return dispatcher.apply(change, () -> problems.save(d.state(), p.version(), change.id()));
    }));
  }
}
