package io.earshot.publish;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.Decision;
import io.earshot.domain.Reply;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ReplyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.function.Function;

/**
 * Stores what the reply lifecycle decided, and what a published reply does to its case, each
 * through the event dispatcher. A reply decision fails with {@link StaleWrite} when another
 * writer changed the reply first; the case's response is retried on a fresh read instead, and is
 * recorded once per reply however often a crash makes the publisher record it again.
 */
final class ReplyChanges {
  private static final int CASE_ATTEMPTS = 5;
  private final ReplyStore replies;
  private final CaseStore cases;
  private final EventDispatcher events;

  ReplyChanges(PublishStores stores) {
    this.replies = stores.replies();
    this.cases = stores.cases();
    this.events = stores.events();
  }

  /** Stores {@code decision} about {@code before}; answers the stored reply (unchanged when nothing changed). */
  Future<Reply> save(Reply before, Decision<Reply> decision) {
    if (!decision.changed() && decision.state().equals(before)) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.REPLIES, before.id(), decision.events());
    return events.apply(change, () -> replies.save(decision.state(), before.version(), change.id()));
  }

  /** Writes a new reply the lifecycle submitted. */
  Future<Reply> insert(Decision<Reply> submitted) {
    Reply reply = submitted.state();
    Change change = Change.of(MongoStore.REPLIES, reply.id(), submitted.events());
    return events.apply(change, () -> replies.insert(reply, change.id()));
  }

  /**
   * The case learns that {@code reply} was published. The change id is derived from the reply, so
   * when a crash makes the publisher record the same send twice, the second finds it applied.
   */
  Future<Void> caseResponded(Reply reply, Instant at) {
    String changeId = "responded:" + reply.id();
    return StaleWrite.retry(CASE_ATTEMPTS, () -> cases.get(reply.caseId()).compose(c -> {
      if (c == null) {
        return Future.succeededFuture();
      }
      return cases.hasApplied(c.id(), changeId).compose(done -> done ? Future.succeededFuture()
          : saveCase(c, changeId, s -> CaseLifecycle.responded(s, reply.id(), at)));
    }));
  }

  private Future<Void> saveCase(CareCase c, String changeId, Function<CareCase, Decision<CareCase>> decide) {
    Decision<CareCase> decision = decide.apply(c);
    Change change = new Change(changeId, MongoStore.CASES, c.id(), decision.events());
    return events.apply(change, () -> cases.save(decision.state(), c.version(), changeId)).mapEmpty();
  }
}
