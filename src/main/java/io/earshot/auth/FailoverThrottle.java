package io.earshot.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throttle sign-in uses: the hub-wide {@link RedisThrottle}, and while Redis does not answer
 * within {@value #REDIS_TIMEOUT_MS} ms (long enough for a busy hub, short enough that sign-in
 * never hangs), this instance's {@link LocalThrottle}. Sign-in neither
 * hangs nor goes unthrottled during a Redis outage; after a failure Redis is tried again after
 * {@link #RETRY_REDIS_AFTER}, so a dead Redis costs one timeout per period, not one per attempt.
 */
public final class FailoverThrottle implements SignInThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverThrottle.class);
  static final long REDIS_TIMEOUT_MS = 1000;
  static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(10);
  private final SignInThrottle shared;
  private final SignInThrottle local;
  private final Clock clock;
  private volatile Instant localUntil = Instant.MIN;

  public FailoverThrottle(SignInThrottle shared, SignInThrottle local, Clock clock) {
    this.shared = shared;
    this.local = local;
    this.clock = clock;
  }

  @Override
  public Future<Duration> attempt(String account, String address) {
    return either(() -> shared.attempt(account, address), () -> local.attempt(account, address));
  }

  @Override
  public Future<Void> succeeded(String account, String address) {
    local.succeeded(account, address);
    return either(() -> shared.succeeded(account, address), Future::succeededFuture);
  }

  /** Whether attempts are counted in this instance only, because Redis failed lately. */
  public boolean degraded() {
    return localUntil.isAfter(clock.instant());
  }

  private <T> Future<T> either(Supplier<Future<T>> redis, Supplier<Future<T>> fallback) {
    if (degraded()) {
      return fallback.get();
    }
    return redis.get().timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS).recover(e -> {
      if (!degraded()) {
        LOG.warn("sign-in throttle: Redis failed ({}); counting attempts on this instance for {} s", e.toString(),
            RETRY_REDIS_AFTER.toSeconds());
      }
      localUntil = clock.instant().plus(RETRY_REDIS_AFTER);
      return fallback.get();
    });
  }
}
