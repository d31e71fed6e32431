package io.earshot.store;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * A conditional write found the document at another version than the one its change was decided
 * on: someone else changed it first. The caller re-reads and decides again ({@link #retry}).
 */
public final class StaleWrite extends RuntimeException {
  public StaleWrite(String what) {
    super(what + " changed meanwhile", null, false, false);
  }

  /**
   * Runs {@code attempt} (read, decide, write) again while it fails with {@link StaleWrite}, at most
   * {@code times} times in all; the last failure is passed on.
   */
  public static <T> Future<T> retry(int times, Supplier<Future<T>> attempt) {
    return attempt.get().recover(e -> e instanceof StaleWrite && times > 1
        ? retry(times - 1, attempt) : Future.failedFuture(e));
  }
}
