package io.earshot.redis;

import io.earshot.error.DomainError;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * A named lease in Redis held by one owner at a time: acquired with SET NX PX, renewed and
 * released only by its holder (checked atomically in Lua). When a holder dies it simply stops
 * renewing, and another instance takes over once the lease expires. While Redis cannot be
 * reached nobody can prove they hold it, so {@link #acquireOrRenew} answers {@code false} (the
 * holder pauses, like a standby); once Redis is back, even empty after a restart, the next call
 * takes the lease again.
 */
public final class Lease {
  private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
      + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
  private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
      + "return redis.call('del', KEYS[1]) else return 0 end";
  private final RedisConnection redis;
  private final String key;
  private final String owner;
  private final Duration ttl;

  public Lease(RedisConnection redis, String name, String owner, Duration ttl) {
    this.redis = redis;
    this.key = "earshot:lease:" + name;
    this.owner = owner;
    this.ttl = ttl;
  }

  /** True when this owner holds the lease after the call (newly taken or renewed). */
  public Future<Boolean> acquireOrRenew() {
    return renew().compose(held -> held ? Future.succeededFuture(true) : tryAcquire())
        .recover(e -> e instanceof DomainError.Unavailable ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  private Future<Boolean> tryAcquire() {
    SetArgs args = SetArgs.Builder.nx().px(ttl.toMillis());
    return redis.await(redis.commands().set(key, owner, args)).map("OK"::equals);
  }

  private Future<Boolean> renew() {
    return redis.await(redis.commands().<Long>eval(RENEW, ScriptOutputType.INTEGER,
        new String[] {key}, owner, String.valueOf(ttl.toMillis()))).map(n -> n != null && n == 1L);
  }

  public Duration ttl() {
    return ttl;
  }

  public Future<Void> release() {
    return redis.await(redis.commands().<Long>eval(RELEASE, ScriptOutputType.INTEGER,
        new String[] {key}, owner)).mapEmpty();
  }
}
