package io.earshot.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One caller's offer as the pipeline settles it mention by mention, possibly across batches; it
 * completes when the last of its mentions is settled, or fails as a whole when the store is
 * unavailable. Used from the pipeline's context only.
 */
final class Offer {
  private final Promise<IngestResult> promise = Promise.promise();
  private final List<IngestResult.Rejection> rejected = new ArrayList<>();
  private int remaining;
  private int accepted;
  private int duplicates;

  Offer(int size) {
    this.remaining = size;
    if (size == 0) {
      complete();
    }
  }

  Future<IngestResult> future() {
    return promise.future();
  }

  void accepted() {
    accepted++;
    settled();
  }

  void duplicate() {
    duplicates++;
    settled();
  }

  void rejected(int index, String field, String error) {
    rejected.add(new IngestResult.Rejection(index, field, error));
    settled();
  }

  void fail(Throwable error) {
    promise.tryFail(error);
  }

  private void settled() {
    if (--remaining == 0) {
      complete();
    }
  }

  private void complete() {
    rejected.sort(Comparator.comparingInt(IngestResult.Rejection::index));
    promise.tryComplete(new IngestResult(accepted, duplicates, rejected));
  }
}
