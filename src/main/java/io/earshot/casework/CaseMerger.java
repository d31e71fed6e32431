package io.earshot.casework;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Decision;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseMerges;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.earshot.store.ThreadMoves;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Merges another case of the same customer into a case: the other case's replies and notes
 * move first ({@link CaseMerges}), then its mentions with their threads ({@link ThreadMoves},
 * which resolves the emptied case with {@code mergedInto} and re-points its customer and brand
 * posts), then {@code case.merged} is told over the target as read after the move. Each step is
 * idempotent, so a merge cut short by a crash is finished by asking again. Futures fail with
 * {@link DomainError.Forbidden} (a marketer), {@code NotFound} (no target), {@code Invalid} or
 * {@code Unprocessable} naming {@code from} (no such case, itself, another customer, platform
 * or brand), or {@code Conflict} (the target kept changing).
 */
public final class CaseMerger {
  private static final int ATTEMPTS = 4;
  private final CaseStore cases;
  private final CaseMerges attached;
  private final ThreadMoves moves;
  private final EventDispatcher events;
  private final Clock clock;

  public CaseMerger(CaseStore cases, CaseMerges attached, ThreadMoves moves, EventDispatcher events, Clock clock) {
    this.cases = cases;
    this.attached = attached;
    this.moves = moves;
    this.events = events;
    this.clock = clock;
  }

  public Future<CareCase> merge(String intoId, String fromId, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot merge cases"));
    }
    Future<CareCase> into = cases.get(intoId);
    Future<CaseStore.WithThread> from = cases.getWithThread(fromId);
    return Future.all(into, from).compose(v -> {
      if (into.result() == null) {
        return Future.failedFuture(new DomainError.NotFound("no case " + intoId));
      }
      if (from.result() == null) {
        return Future.failedFuture(new DomainError.Unprocessable("from", "no case " + fromId));
      }
      CaseLifecycle.checkMerge(into.result(), from.result().careCase());
      return move(into.result(), from.result(), user.username());
    });
  }

  private Future<CareCase> move(CareCase into, CaseStore.WithThread from, String actor) {
    List<String> mentionIds = from.mentionIds();
    CaseStatus fromWas = from.careCase().status();
    return attached.moveAttached(from.careCase().id(), into.id())
        .compose(v -> moves.apply(List.of(new ThreadMoves.Move(from.careCase().id(), into.id(), mentionIds)),
            clock.instant()))
        .compose(n -> StaleWrite.retry(ATTEMPTS, () -> tell(into.id(), from.careCase().id(), fromWas, mentionIds, actor)))
        .recover(e -> Future.failedFuture(e instanceof StaleWrite
            ? new DomainError.Conflict("case " + into.id() + " keeps changing; merge again to finish") : e));
  }

  /** Reads both cases as the move left them and tells the merge over the target's version. */
  private Future<CareCase> tell(String intoId, String fromId, CaseStatus fromWas, List<String> mentionIds,
                                String actor) {
    Future<CareCase> into = cases.get(intoId);
    Future<CareCase> from = cases.get(fromId);
    return Future.all(into, from).compose(v -> {
      Instant now = clock.instant();
      Decision<CareCase> d = CaseLifecycle.merged(into.result(), from.result(), fromWas, mentionIds, actor, now);
      Change change = Change.of(MongoStore.CASES, intoId, d.events());
      return events.apply(change, () -> cases.save(d.state(), into.result().version(), change.id()));
    });
  }
}
