package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.event.ProblemEvents.DetectionPolicyUpdated;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.problem.detect.DetectionPolicy;
import io.earshot.problem.detect.Fact;
import io.earshot.store.AlertStore;
import io.earshot.store.DetectionFactStore;
import io.earshot.store.DetectionPolicyStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Alerts as people see them: the recent ones, the cases a Problem made from one should hold, and
 * the detection thresholds (read by managers and admins, replaced by admins). Futures fail with
 * {@link DomainError.NotFound}, {@code Forbidden} and {@code Conflict}.
 */
public final class AlertService {
  private final AlertStore alerts;
  private final DetectionFactStore facts;
  private final DetectionPolicyStore policies;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  /** An alert and the cases its Problem should start with. */
  public record Proposal(Alert alert, List<String> caseIds) {
  }

  public AlertService(AlertStore alerts, DetectionFactStore facts, DetectionPolicyStore policies,
                      EventDispatcher dispatcher, Clock clock) {
    this.alerts = alerts;
    this.facts = facts;
    this.policies = policies;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<List<Alert>> recent(int limit) {
    return alerts.recent(limit);
  }

  /**
   * The alert's cases: those it proposed, and every case since the spike began whose mention
   * matches it (the reason, or the phrase), since a spike goes on after it is raised.
   */
  public Future<Proposal> proposal(String alertId) {
    return alerts.get(alertId).compose(a -> {
      if (a == null) {
        return Future.failedFuture(new DomainError.Invalid("fromAlert", "no alert " + alertId));
      }
      return facts.ofBrandSince(a.brand(), a.startedAt().minus(Duration.ofMinutes(1))).map(found -> {
        LinkedHashSet<String> cases = new LinkedHashSet<>(a.proposedCaseIds());
        found.stream().filter(f -> matches(a, f) && f.caseId() != null).forEach(f -> cases.add(f.caseId()));
        return new Proposal(a, List.copyOf(cases));
      });
    });
  }

  private static boolean matches(Alert a, Fact f) {
    if (a.reason() != null) {
      return f.reasons().contains(a.reason());
    }
    return a.phrase() == null || f.phrases().contains(a.phrase());
  }

  public Future<Void> markProblem(String alertId, String problemId) {
    return alerts.markProblem(alertId, problemId);
  }

  public Future<DetectionPolicy> policy(User user) {
    if (!user.canApprove()) {
      return Future.failedFuture(new DomainError.Forbidden("managers and admins read the detection thresholds"));
    }
    return policies.get();
  }

  public Future<DetectionPolicy> replace(DetectionPolicy next, User user) {
    if (!user.isAdmin()) {
      return Future.failedFuture(new DomainError.Forbidden("only admins set the detection thresholds"));
    }
    return policies.get().compose(current -> {
      DetectionPolicy stored = new DetectionPolicy(next.defaults(), next.brands(), current.version() + 1);
      Change change = Change.of(MongoStore.POLICIES, "detection", List.of(new DetectionPolicyUpdated(stored.version(),
          user.username(), "detection thresholds: defaults and " + stored.brands().keySet(), clock.instant())));
      return dispatcher.apply(change, () -> policies.replace(stored, current.version(), change.id()));
    }).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("the detection thresholds changed meanwhile; reload them") : e));
  }
}
