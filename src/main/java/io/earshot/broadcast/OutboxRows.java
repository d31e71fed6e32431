package io.earshot.broadcast;

import com.mongodb.MongoException;
import io.earshot.domain.Decision;
import io.earshot.domain.Reply;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;

/**
 * Writes a broadcast's post or notice into the replies outbox once: its id is derived from what
 * it is (broadcast and account, broadcast and customer), so writing it again after a crash or
 * from a second runner meets the existing row (duplicate key) and changes nothing.
 */
final class OutboxRows {
  private static final int DUPLICATE_KEY = 11000;
  private final ReplyStore replies;
  private final EventDispatcher events;

  OutboxRows(ReplyStore replies, EventDispatcher events) {
    this.replies = replies;
    this.events = events;
  }

  /** Answers true when this call wrote the row, false when it existed already. */
  Future<Boolean> insertOnce(Decision<Reply> released) {
    Reply reply = released.state();
    Change change = Change.of(MongoStore.REPLIES, reply.id(), released.events());
    return events.apply(change, () -> replies.insert(reply, change.id())).map(true)
        .recover(e -> e instanceof MongoException m && m.getCode() == DUPLICATE_KEY
            ? Future.succeededFuture(false) : Future.failedFuture(e));
  }
}
