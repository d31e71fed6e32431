package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.event.ProblemEvents.ProblemChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.ProblemCaseReads;
import io.earshot.store.SuggestionDecisionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Cases like an open Problem's cases, proposed for linking with the evidence ({@link Similarity}):
 * of the same brand, opened from {@value #LOOKBACK_DAYS} days before the Problem on, not linked
 * anywhere and not declined for it, sharing a reason or distinctive phrases. Accepting links the
 * case; declining is recorded (and shown on the timeline) and hides it from this Problem only.
 */
public final class Suggestions {
  static final int LOOKBACK_DAYS = 3;
  private static final double MIN_SCORE = 0.3;
  private static final int CANDIDATES = 2000;
  private final ProblemCaseReads reads;
  private final CaseStore cases;
  private final SuggestionDecisionStore decisions;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  /** A suggested case and why. */
  public record Suggestion(CareCase careCase, Similarity.Evidence evidence) {
  }

  public Suggestions(ProblemCaseReads reads, CaseStore cases, SuggestionDecisionStore decisions,
                     EventDispatcher dispatcher, Clock clock) {
    this.reads = reads;
    this.cases = cases;
    this.decisions = decisions;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<List<Suggestion>> of(Problem p, int limit) {
    if (!p.isOpen() || p.caseIds().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant from = p.createdAt().minus(Duration.ofDays(LOOKBACK_DAYS));
    return cases.byIds(p.caseIds()).compose(linked -> reads.openedBetween(p.brand(), from,
            clock.instant().plusSeconds(1), CANDIDATES)
        .compose(recent -> decisions.declined(p.id()).map(declined -> rank(p, List.copyOf(linked.values()), recent,
            declined, limit))));
  }

  private static List<Suggestion> rank(Problem p, List<CareCase> linked, List<CareCase> recent, Set<String> declined,
                                       int limit) {
    Similarity similarity = new Similarity(linked, recent, ProblemDetails.signature(p, linked));
    return recent.stream().filter(c -> c.problemId() == null && !declined.contains(c.id()))
        .map(c -> new Suggestion(c, similarity.judge(c)))
        .filter(s -> s.evidence().score() >= MIN_SCORE && (s.evidence().reason() != null
            || !s.evidence().phrases().isEmpty()))
        .sorted(Comparator.comparingDouble((Suggestion s) -> s.evidence().score()).reversed())
        .limit(limit).toList();
  }

  /** Records a decline and tells it (the timeline shows it); accepting is linking, done by the caller. */
  public Future<Void> decline(Problem p, String caseId, User user) {
    ProblemAccess.mayChange(user);
    return cases.get(caseId).compose(c -> {
      if (c == null) {
        return Future.failedFuture(new DomainError.NotFound("no case " + caseId));
      }
      Instant now = clock.instant();
      Change change = Change.of(SuggestionDecisionStore.DECISIONS, SuggestionDecisionStore.id(p.id(), caseId),
          List.of(new ProblemChanged(EventType.PROBLEM_SUGGESTION_DECLINED, p, user.username(),
              "declined suggested case " + caseId, List.of(caseId), now)));
      return dispatcher.apply(change, () -> decisions.record(p.id(), caseId, "decline", user.username(), now,
          change.id()));
    });
  }
}
