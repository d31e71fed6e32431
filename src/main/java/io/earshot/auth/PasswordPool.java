package io.earshot.auth;

import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Password hashing and verification on a small, named worker pool ({@code earshot-passwords}),
 * never on an event loop: PBKDF2 costs tens of milliseconds of CPU by design. The pool is bounded
 * twice: a few threads, so a storm of sign-ins cannot take every core from the event loops, and
 * a queue of at most {@code 32 × threads} waiting jobs, beyond which Futures fail with
 * {@link DomainError.Unavailable} (503, retry after a second) instead of piling up memory and
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
    return check(password, () -> Future.succeededFuture(storedHash), hash -> hash).map(Optional::isPresent);
  }

  /**
   * Takes a place in the queue first, then looks up the owner of a password ({@code lookup}, may
   * answer null) and checks the password against {@code hashOf(owner)}, or against the dummy hash
   * when there is no owner. Answers the owner when the password is theirs. Taking the place first
   * means a saturated pool turns a storm away before it costs any database reads.
   */
  public <U> Future<Optional<U>> check(String password, Supplier<Future<U>> lookup, Function<U, String> hashOf) {
    if (!reserve()) {
      return Future.failedFuture(busy());
    }
    return lookup.get().compose(owner -> {
      String stored = owner == null ? null : hashOf.apply(owner);
      return (stored != null ? Future.succeededFuture(stored) : dummyHash).compose(hash -> workers.executeBlocking(() -> {
        verifications.incrementAndGet();
        return Passwords.matches(password, hash) && stored != null ? Optional.of(owner) : Optional.<U>empty();
      }, false));
    }).onComplete(r -> pending.decrementAndGet());
  }

  /** Runs a job on the pool, or fails at once with 503 when the queue is full. */
  public <T> Future<T> execute(Callable<T> job) {
    if (!reserve()) {
      return Future.failedFuture(busy());
    }
    return workers.executeBlocking(job, false).onComplete(r -> pending.decrementAndGet());
  }

  private boolean reserve() {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      return false;
    }
    return true;
  }

  private static DomainError busy() {
    return new DomainError.Unavailable("sign-in is busy; try again in a moment", 1);
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
