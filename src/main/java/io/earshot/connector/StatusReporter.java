package io.earshot.connector;

import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorState;
import io.earshot.domain.ConnectorStatus;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps one runner's counts (mentions read, malformed ones skipped, the last poll's time) and
 * publishes its status to the {@link StatusBoard} only when something worth showing
 * changed. {@code until} and the detail count as changes, because a rate limit extended by the
 * platform keeps the state but must show the new reset time; the last poll's time alone does not,
 * or every poll would be a live event. Never fails: the board is best effort.
 */
final class StatusReporter {
  private record Shown(ConnectorState state, long read, long skipped, Instant until, String detail, ConnectorSpend spend) {
  }

  private final StatusBoard board;
  private final ConnectorAccount account;
  private Shown shown;
  private long read;
  private long skipped;
  private Instant lastPoll;

  StatusReporter(StatusBoard board, ConnectorAccount account) {
    this.board = board;
    this.account = account;
  }

  /** A poll succeeded at {@code at}, reading {@code mentions} and skipping {@code malformed}. */
  void polled(int mentions, int malformed, Instant at) {
    read += mentions;
    skipped += malformed;
    lastPoll = at;
  }

  Future<Void> report(ConnectorState state, String detail, Instant until, ConnectorSpend spend) {
    Shown next = new Shown(state, read, skipped, until, detail, spend);
    if (Objects.equals(next, shown)) {
      return Future.succeededFuture();
    }
    shown = next;
    ConnectorStatus status = StatusBoard.status(account, state, detail, until, lastPoll, read, skipped, spend);
    return board.publish(status).recover(e -> Future.succeededFuture());
  }

  /** Another instance may have written the board since (this one stood by): the next report goes out. */
  void forget() {
    shown = null;
  }
}
