package io.earshot.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lets one batch at a time run alone. Batches in flight together never share a customer or a
 * chain link the picker can see, but moving stored replies between cases touches chains through
 * mentions already stored, which the picker cannot know; so a batch that must move waits until
 * no other batch runs, and no new batch starts until it is done. Moves are rare (a chain that
 * arrived split), so this costs nothing in the common case. Used from the pipeline's context only.
 */
final class ExclusiveTurns {
  private final Deque<Promise<Void>> waiting = new ArrayDeque<>();
  private int running;
  private boolean held;

  void started() {
    running++;
  }

  void finished(boolean wasExclusive) {
    running--;
    if (wasExclusive) {
      held = false;
    }
    grant();
  }

  /** Completes once the calling batch (which counted as running) is the only one running. */
  Future<Void> acquire() {
    running--;
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    grant();
    return turn.future();
  }

  /** New batches wait while a batch runs alone or waits to. */
  boolean blocksNewBatches() {
    return held || !waiting.isEmpty();
  }

  private void grant() {
    if (!held && running == 0 && !waiting.isEmpty()) {
      held = true;
      running++;
      waiting.poll().complete();
    }
  }
}
