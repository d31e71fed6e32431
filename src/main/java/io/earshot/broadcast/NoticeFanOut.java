package io.earshot.broadcast;

import io.earshot.domain.Decision;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastOutbox;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.domain.broadcast.Notice;
import io.earshot.domain.broadcast.NoticeTarget;
import io.earshot.domain.broadcast.Pace;
import io.earshot.domain.broadcast.ProblemFacts;
import io.earshot.store.BroadcastStore;
import io.earshot.store.NoticeStore;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass of a broadcast's personal notices: for every affected customer without one, take a
 * token from their account's bucket, record the notice, then write its reply to the outbox
 * (which sends it). An account out of tokens is left for the next pass, which the runner
 * schedules at the bucket's time; a notice recorded before a crash whose reply was never written
 * gets it now. A pause seen between notices stops the pass.
 */
final class NoticeFanOut {
  /** How many notices are made between two looks at whether the broadcast was paused. */
  private static final int PAUSE_CHECK_EVERY = 10;
  private final NoticeStore notices;
  private final ReplyStore replies;
  private final BroadcastStore broadcasts;
  private final OutboxRows outbox;
  private final NoticePacer pacer;
  private final BroadcastText texts;
  private final Clock clock;

  NoticeFanOut(NoticeStore notices, ReplyStore replies, BroadcastStore broadcasts, OutboxRows outbox,
               NoticePacer pacer, BroadcastText texts, Clock clock) {
    this.notices = notices;
    this.replies = replies;
    this.broadcasts = broadcasts;
    this.outbox = outbox;
    this.pacer = pacer;
    this.texts = texts;
    this.clock = clock;
  }

  /** What a pass left: customers still without a notice, and when the earliest waiting bucket has a token. */
  record Pass(int waiting, Instant nextAt, int made) {
  }

  Future<Pass> run(Broadcast b, ProblemFacts problem, String brandName, List<NoticeTarget> targets) {
    return notices.ofBroadcast(b.id()).compose(made -> repairMissing(b, problem, brandName, targets, made)
        .compose(v -> {
          Set<String> done = made.stream().map(Notice::customerId).collect(Collectors.toSet());
          List<NoticeTarget> todo = targets.stream().filter(t -> !done.contains(t.customerId())).toList();
          return pass(b, problem, brandName, todo, 0, new State());
        }));
  }

  /** Accounts out of tokens in this pass, the earliest time one has a token again, how many were made. */
  private static final class State {
    final Set<String> dry = new HashSet<>();
    Instant nextAt;
    int made;
    int waiting;
  }

  private Future<Pass> pass(Broadcast b, ProblemFacts problem, String brandName, List<NoticeTarget> todo, int i,
                            State s) {
    if (i >= todo.size()) {
      return Future.succeededFuture(new Pass(s.waiting, s.nextAt, s.made));
    }
    if (s.made > 0 && s.made % PAUSE_CHECK_EVERY == 0 && i > 0) {
      return broadcasts.get(b.id()).compose(now -> stopped(now)
          ? Future.succeededFuture(new Pass(todo.size() - i, null, s.made))
          : one(b, problem, brandName, todo.get(i), s).compose(v -> pass(b, problem, brandName, todo, i + 1, s)));
    }
    return one(b, problem, brandName, todo.get(i), s).compose(v -> pass(b, problem, brandName, todo, i + 1, s));
  }

  /** Paused (or gone) since the pass began: the rest waits for the resume. */
  private static boolean stopped(Broadcast now) {
    return now == null || now.state() != BroadcastState.SENDING && now.state() != BroadcastState.SENT;
  }

  private Future<Void> one(Broadcast b, ProblemFacts problem, String brandName, NoticeTarget t, State s) {
    if (s.dry.contains(t.account())) {
      s.waiting++;
      return Future.succeededFuture();
    }
    return pacer.admit(t.account(), t.platform()).compose(admission -> {
      if (!admission.allowed()) {
        dry(s, t.account(), admission);
        return Future.succeededFuture();
      }
      s.made++;
      Notice n = new Notice(Notice.replyIdOf(b.id(), t.customerId()), b.id(), t.customerId(), t.account(),
          t.caseId(), clock.instant());
      return notices.record(n).compose(created -> write(b, problem, brandName, t)).mapEmpty();
    });
  }

  private static void dry(State s, String account, Pace.Admission admission) {
    s.dry.add(account);
    s.waiting++;
    if (s.nextAt == null || admission.retryAt().isBefore(s.nextAt)) {
      s.nextAt = admission.retryAt();
    }
  }

  /** The notice's reply, filled for the customer; one that does not fit their platform is failed, never sent. */
  private Future<Boolean> write(Broadcast b, ProblemFacts problem, String brandName, NoticeTarget t) {
    Instant at = clock.instant();
    String text = texts.notice(b, problem, brandName, t);
    Decision<Reply> released = BroadcastOutbox.notice(b, t, text, at);
    var check = texts.check(t.account(), text);
    if (check != null && !check.ok()) {
      released = released.then(r -> ReplyLifecycle.fail(r, "the notice " + check.message(), at));
    }
    return outbox.insertOnce(released);
  }

  /** Notices recorded before a crash cut them off from their reply: the reply is written now (no new token). */
  private Future<Void> repairMissing(Broadcast b, ProblemFacts problem, String brandName, List<NoticeTarget> targets,
                                     List<Notice> made) {
    if (made.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, NoticeTarget> byCustomer = targets.stream()
        .collect(Collectors.toMap(NoticeTarget::customerId, t -> t, (x, y) -> x));
    return replies.byIds(made.stream().map(Notice::replyId).toList()).compose(found -> {
      Set<String> present = found.stream().map(Reply::id).collect(Collectors.toSet());
      Future<Void> chain = Future.succeededFuture();
      for (Notice n : made) {
        NoticeTarget t = byCustomer.get(n.customerId());
        if (!present.contains(n.replyId()) && t != null) {
          chain = chain.compose(v -> write(b, problem, brandName, t).mapEmpty());
        }
      }
      return chain;
    });
  }
}
