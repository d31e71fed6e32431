package io.earshot.auth;

import io.earshot.error.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password hashing and verification on a small, named worker pool ({@code earshot-passwords}),
 * never on an event loop: PBKDF2 costs tens of milliseconds of CPU by design. The pool is bounded
 * twice: a few threads, so a storm of sign-ins cannot take every core from the event loops, and
 * a queue of at most {@code 32 × threads} waiting jobs, beyond which Futures fail with
 * {@link ApiException.Unavailable} (503, retry after a second) instead of piling up memory and
 * latency. An unknown user is checked against a dummy hash, so both cost the same.
 */
public final class PasswordPool implements AutoCloseable {
  public static final String POOL_NAME = "earshot-passwords";
  private static final int QUEUE_PER_THREAD = 32;
  private final WorkerExecutor workers;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong verifications = new AtomicLong();
  private final Future<String> dummyHash;

  public PasswordPool(Vertx vertx, int threads) {
    this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, threads);
    this.maxPending = threads * QUEUE_PER_THREAD;
    this.dummyHash = execute(() -> Passwords.hash(Passwords.token()));
  }

  public Future<String> hash(String password) {
    return execute(() -> Passwords.hash(password));
  }

  /** Whether {@code password} matches {@code storedHash}; a null hash is checked against a dummy and fails. */
  public Future<Boolean> verify(String password, String storedHash) {
    Future<String> against = storedHash != null ? Future.succeededFuture(storedHash) : dummyHash;
    return against.compose(hash -> execute(() -> {
      verifications.incrementAndGet();
      return Passwords.matches(password, hash) && storedHash != null;
    }));
  }

  /** Runs a job on the pool, or fails at once with 503 when the queue is full. */
  public <T> Future<T> execute(Callable<T> job) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      return Future.failedFuture(new ApiException.Unavailable("sign-in is busy; try again in a moment", 1));
    }
    return workers.executeBlocking(job, false).onComplete(r -> pending.decrementAndGet());
  }

  /** How many password checks ran, the dummy ones included. */
  public long verifications() {
    return verifications.get();
  }

  @Override
  public void close() {
    workers.close();
  }
}
