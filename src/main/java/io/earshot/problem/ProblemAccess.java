package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.error.DomainError;
import io.earshot.store.DepartmentStore;
import io.vertx.core.Future;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see and work which Problems. An admin sees all. Someone listed as a member of one or
 * more departments (and not an admin) is scoped to those departments' Problems: others are
 * answered as if they did not exist. Everyone else signed in (the care team) sees all Problems.
 * Changing a Problem needs a role that works cases (agent, manager, admin); a marketer reads.
 */
public final class ProblemAccess {
  private final DepartmentStore departments;

  public ProblemAccess(DepartmentStore departments) {
    this.departments = departments;
  }

  /** The departments the user is limited to, or null for all. */
  public Future<Set<String>> scope(User user) {
    if (user.isAdmin()) {
      return Future.succeededFuture(null);
    }
    return departments.list().map(all -> {
      Set<String> mine = all.stream().filter(d -> d.members().contains(user.username())).map(Department::id)
          .collect(Collectors.toSet());
      return mine.isEmpty() ? null : mine;
    });
  }

  /** The problem if the user may see it; fails with {@link DomainError.NotFound} otherwise. */
  public Future<Problem> visible(Problem p, String id, User user) {
    if (p == null) {
      return Future.failedFuture(new DomainError.NotFound("no problem " + id));
    }
    return scope(user).compose(scope -> scope == null || scope.contains(p.department()) ? Future.succeededFuture(p)
        : Future.failedFuture(new DomainError.NotFound("no problem " + id)));
  }

  public static void mayChange(User user) {
    if (!user.canWorkCases()) {
      throw new DomainError.Forbidden("a marketer reads Problems but cannot change them");
    }
  }
}
