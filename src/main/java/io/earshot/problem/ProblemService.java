package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.Decision;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.DepartmentStore;
import io.earshot.store.ProblemStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opening, reading and changing Problems, checked against the caller ({@link ProblemAccess}),
 * decided by {@link ProblemLifecycle}, stored over the version read and told through the event
 * dispatcher. Linking and resolving cases is {@link CaseLinks}' work. Futures fail with
 * {@link DomainError.NotFound}, {@code Forbidden}, {@code Invalid} (naming the field) and
 * {@code Conflict}.
 */
public final class ProblemService {
  private static final int ATTEMPTS = 4;
  private final ProblemStore problems;
  private final DepartmentStore departments;
  private final ProblemAccess access;
  private final CaseLinks links;
  private final AlertService alerts;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  public ProblemService(ProblemStore problems, DepartmentStore departments, CaseLinks links, AlertService alerts,
                        EventDispatcher dispatcher, Clock clock) {
    this.alerts = alerts;
    this.problems = problems;
    this.departments = departments;
    this.access = new ProblemAccess(departments);
    this.links = links;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public ProblemAccess access() {
    return access;
  }

  /**
   * Opens a Problem, then links {@code caseIds}; answers it with what linking did. From an alert,
   * the brand and reason are the alert's and the cases its proposal's, with those given.
   */
  public Future<CaseLinks.Linked> open(ProblemLifecycle.Draft draft, List<String> caseIds, User user) {
    ProblemAccess.mayChange(user);
    if (draft.fromAlert() == null) {
      return openPlain(draft, caseIds, user);
    }
    return alerts.proposal(draft.fromAlert()).compose(proposal -> {
      Alert a = proposal.alert();
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(caseIds);
      all.addAll(proposal.caseIds());
      ProblemLifecycle.Draft fromAlert = new ProblemLifecycle.Draft(draft.title(), a.brand(), draft.department(),
          draft.severity() == null ? a.severity() : draft.severity(),
          a.reason() == null ? draft.reasons() : List.of(a.reason()), a.id());
      return openPlain(fromAlert, List.copyOf(all), user)
          .compose(linked -> alerts.markProblem(a.id(), linked.problem().id()).map(linked));
    });
  }

  private Future<CaseLinks.Linked> openPlain(ProblemLifecycle.Draft draft, List<String> caseIds, User user) {
    Decision<Problem> opened = ProblemLifecycle.open(UUID.randomUUID().toString(), draft, user.username(),
        clock.instant());
    return department(draft.department(), user)
        .compose(v -> {
          Change change = Change.of(ProblemStore.PROBLEMS, opened.state().id(), opened.events());
          return dispatcher.apply(change, () -> problems.insert(opened.state(), change.id()));
        })
        .compose(p -> caseIds.isEmpty() ? Future.succeededFuture(new CaseLinks.Linked(p, List.of(), List.of()))
            : links.link(p, caseIds, user));
  }

  public Future<List<Problem>> list(String brand, User user) {
    return access.scope(user).compose(scope -> problems.list(brand, scope, 500));
  }

  public Future<Problem> get(String id, User user) {
    return problems.get(id).compose(p -> access.visible(p, id, user));
  }

  /** Changes status, summary, department, severity or title; resolving also resolves its cases. */
  public Future<CaseLinks.Resolved> change(String id, ProblemLifecycle.Patch patch, User user) {
    ProblemAccess.mayChange(user);
    if (patch.empty()) {
      return Future.failedFuture(new DomainError.Invalid("status",
          "give a status, publicSummary, department, severity or title to change"));
    }
    Future<Void> checked = patch.department() == null ? Future.succeededFuture() : department(patch.department(), user);
    return checked.compose(v -> decide(id, user, p -> ProblemLifecycle.change(p, patch, user.username(), clock.instant())))
        .compose(p -> p.status() == ProblemStatus.RESOLVED && patch.status() == ProblemStatus.RESOLVED
            ? links.resolveCases(p, user) : Future.succeededFuture(new CaseLinks.Resolved(p, 0)));
  }

  /** Links cases by hand, in bulk or from a suggestion. */
  public Future<CaseLinks.Linked> link(String id, List<String> caseIds, User user) {
    ProblemAccess.mayChange(user);
    return get(id, user).compose(p -> links.link(p, caseIds, user));
  }

  /** Reads, decides and stores over the version read, again on a fresh read when someone got there first. */
  Future<Problem> decide(String id, User user, Function<Problem, Decision<Problem>> decision) {
    return StaleWrite.retry(ATTEMPTS, () -> get(id, user).compose(p -> {
      Decision<Problem> d = decision.apply(p);
      if (!d.changed()) {
        return Future.succeededFuture(p);
      }
      Change change = Change.of(ProblemStore.PROBLEMS, p.id(), d.events());
      return dispatcher.apply(change, () -> problems.save(d.state(), p.version(), change.id()));
    })).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("problem " + id + " keeps changing; reload it and try again") : e));
  }

  /** The department must exist, and a department-scoped caller may give Problems only to their own. */
  private Future<Void> department(String id, User user) {
    return departments.get(id).compose(d -> {
      if (d == null) {
        return Future.failedFuture(new DomainError.Invalid("department", "no department " + id));
      }
      return access.scope(user).compose(scope -> scope == null || scope.contains(id) ? Future.succeededFuture()
          : Future.failedFuture(new DomainError.Forbidden("you work only on your departments' Problems")));
    });
  }
}
