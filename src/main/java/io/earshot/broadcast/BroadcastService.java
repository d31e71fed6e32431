package io.earshot.broadcast;

import io.earshot.auth.User;
import io.earshot.domain.Decision;
import io.earshot.domain.approval.ApprovalKind;
import io.earshot.domain.approval.ApprovalPolicy;
import io.earshot.domain.approval.ApprovalSubject;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastLifecycle;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.error.DomainError;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.BroadcastStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Broadcasts as people use them: write one (always held for approval), read them, approve or
 * reject, pause and resume. The text is filled and checked against every chosen account's
 * platform before anything is stored. Futures fail with {@link DomainError}: {@code Invalid}
 * naming the field, {@code Forbidden} (marketers never broadcast; only managers and admins
 * approve), {@code NotFound}, {@code Conflict} (a state that does not allow it, or someone
 * decided first).
 */
public final class BroadcastService {
  private static final int LIST_LIMIT = 200;
  private final BroadcastStore store;
  private final BroadcastChecks checks;
  private final ProgressReads progress;
  private final ApprovalPolicies policy;
  private final EventDispatcher events;
  private final BroadcastRunner runner;
  private final Clock clock;

  BroadcastService(BroadcastStore store, BroadcastChecks checks, ProgressReads progress, ApprovalPolicies policy,
                   EventDispatcher events, BroadcastRunner runner, Clock clock) {
    this.store = store;
    this.checks = checks;
    this.progress = progress;
    this.policy = policy;
    this.events = events;
    this.runner = runner;
    this.clock = clock;
  }

  /** What someone asks to broadcast, as the API received it. */
  public record Draft(String problemId, String text, String template, List<String> accounts, boolean notifyAffected,
                      String noticeText, String noticeTemplate) {
  }

  /** An approver's decision: {@code approve} (with {@code text} when edited) or {@code reject} with a reason. */
  public record Verdict(String decision, String text, String reason) {
  }

  public Future<Broadcast> submit(Draft draft, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot broadcast"));
    }
    return checks.checked(draft).compose(ready -> policy.get().compose(p -> insert(ready, p, user)));
  }

  /** The filled text and each account's verdict, for the composer's live preview; nothing is stored. */
  public Future<BroadcastPreview> preview(Draft draft, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot broadcast"));
    }
    return checks.preview(draft);
  }

  private Future<Broadcast> insert(BroadcastChecks.Ready ready, ApprovalPolicy p, User user) {
    Draft d = ready.draft();
    var now = clock.instant();
    Broadcast unsent = new Broadcast(UUID.randomUUID().toString(), ready.brand(), d.problemId(), ready.text(),
        d.template(), d.accounts(), d.notifyAffected(), d.notifyAffected() ? d.noticeText() : null,
        d.notifyAffected() ? ready.noticeTemplate() : null, BroadcastState.PENDING_APPROVAL, null, user.username(),
        now, now, 0, null, 0);
    ApprovalSubject subject = new ApprovalSubject(ApprovalKind.BROADCAST, ready.brand(), ready.text(), 0, false, null,
        List.of(), ready.platform(), null, false, now);
    Decision<Broadcast> decision = BroadcastLifecycle.submit(unsent, p.holding(subject).orElseThrow(),
        user.username(), now);
    Change change = Change.of(MongoStore.BROADCASTS, unsent.id(), decision.events());
    return events.apply(change, () -> store.insert(decision.state(), change.id()));
  }

  public Future<List<Broadcast>> list() {
    return store.list(LIST_LIMIT);
  }

  public Future<BroadcastView> view(String id) {
    return existing(id).compose(progress::view);
  }

  /**
   * Every broadcast about a Problem with its posts and notices, oldest first (the Problem page's
   * engagement). The caller has already checked that the user may see the Problem.
   */
  public Future<List<BroadcastView>> ofProblem(String problemId) {
    return store.ofProblem(problemId).compose(all -> {
      List<Future<BroadcastView>> views = all.stream().map(progress::view).toList();
      return Future.all(views).map(done -> views.stream().map(Future::result).toList());
    });
  }

  /** The broadcasts about {@code problemId} themselves, oldest first, without their posts and notices. */
  public Future<List<Broadcast>> aboutProblem(String problemId) {
    return store.ofProblem(problemId);
  }

  /** Whether {@code id} names a broadcast (the approvals route decides replies and broadcasts alike). */
  public Future<Boolean> exists(String id) {
    return store.get(id).map(b -> b != null);
  }

  /** Broadcasts waiting for approval, oldest first. */
  public Future<List<Broadcast>> pending(User user) {
    if (!user.canApprove()) {
      return Future.failedFuture(new DomainError.Forbidden("only managers and admins approve broadcasts"));
    }
    return store.inStates(List.of(BroadcastState.PENDING_APPROVAL));
  }

  public Future<Broadcast> decide(String id, Verdict verdict, User user) {
    return existing(id).compose(b -> {
      if (!user.canApprove() || ("admin".equals(b.approval().approver()) && !user.isAdmin())) {
        return Future.failedFuture(new DomainError.Forbidden("this broadcast waits for approval by a "
            + b.approval().approver()));
      }
      var at = clock.instant();
      Function<Broadcast, Decision<Broadcast>> decide = switch (verdict.decision() == null ? "" : verdict.decision()) {
        case "approve" -> x -> BroadcastLifecycle.approve(x, checks.editedText(x, verdict.text()), user.username(), at);
        case "reject" -> x -> BroadcastLifecycle.reject(x, verdict.reason(), user.username(), at);
        default -> throw new DomainError.Invalid("decision", "must be approve or reject");
      };
      return save(b, decide.apply(b));
    }).onSuccess(b -> runner.wake());
  }

  public Future<Broadcast> pause(String id, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot pause a broadcast"));
    }
    return existing(id).compose(b -> save(b, BroadcastLifecycle.pause(b, user.username(), clock.instant())));
  }

  public Future<Broadcast> resume(String id, User user) {
    if (!user.canApprove()) {
      return Future.failedFuture(new DomainError.Forbidden("only managers and admins resume a broadcast"));
    }
    return existing(id).compose(b -> save(b, BroadcastLifecycle.resume(b, user.username(), clock.instant())))
        .onSuccess(b -> runner.wake());
  }

  private Future<Broadcast> save(Broadcast before, Decision<Broadcast> decision) {
    Change change = Change.of(MongoStore.BROADCASTS, before.id(), decision.events());
    return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()))
        .recover(e -> e instanceof StaleWrite
            ? Future.failedFuture(new DomainError.Conflict("broadcast " + before.id() + " changed meanwhile; read it again"))
            : Future.failedFuture(e));
  }

  private Future<Broadcast> existing(String id) {
    return store.get(id).compose(b -> b == null ? Future.failedFuture(new DomainError.NotFound("no broadcast " + id))
        : Future.succeededFuture(b));
  }
}
