package io.earshot.auth;

import io.earshot.redis.RedisConnection;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * {@link SignInThrottle} in Redis, so every instance counts the same attempts. Keys (all expire):
 * {@code earshot:signin:fail:<kind>:<id>} (attempts in the current window),
 * {@code earshot:signin:block:<kind>:<id>} (present while it must wait) and
 * {@code earshot:signin:strikes:<kind>:<id>} (how often it had to wait lately), for kind
 * {@code account} and {@code address}. One Lua script checks and counts both atomically. Futures
 * fail when Redis does; {@link FailoverThrottle} decides what happens then.
 */
public final class RedisThrottle implements SignInThrottle {
  private static final String ATTEMPT = """
      local wait = 0
      for i = 0, 1 do
        local ttl = redis.call('PTTL', KEYS[i * 3 + 2])
        if ttl > wait then wait = ttl end
      end
      if wait > 0 then return wait end
      for i = 0, 1 do
        local fails = tonumber(redis.call('GET', KEYS[i * 3 + 1]) or '0')
        if fails >= tonumber(ARGV[i + 1]) then
          local strikes = redis.call('INCR', KEYS[i * 3 + 3])
          redis.call('PEXPIRE', KEYS[i * 3 + 3], ARGV[6])
          local block = math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ math.min(strikes - 1, 40))
          block = math.floor(block)
          redis.call('SET', KEYS[i * 3 + 2], strikes, 'PX', string.format('%d', block))
          redis.call('DEL', KEYS[i * 3 + 1])
          if block > wait then wait = block end
        end
      end
      if wait > 0 then return wait end
      for i = 0, 1 do
        if redis.call('INCR', KEYS[i * 3 + 1]) == 1 then redis.call('PEXPIRE', KEYS[i * 3 + 1], ARGV[3]) end
      end
      return 0
      """;
  private final RedisConnection redis;
  private final ThrottlePolicy policy;

  public RedisThrottle(RedisConnection redis, ThrottlePolicy policy) {
    this.redis = redis;
    this.policy = policy;
  }

  @Override
  public Future<Duration> attempt(String account, String address) {
    String[] keys = {key("fail", "account", account), key("block", "account", account),
        key("strikes", "account", account), key("fail", "address", address), key("block", "address", address),
        key("strikes", "address", address)};
    String[] args = {Integer.toString(policy.perAccount()), Integer.toString(policy.perAddress()),
        Long.toString(policy.window().toMillis()), Long.toString(policy.firstBlock().toMillis()),
        Long.toString(policy.maxBlock().toMillis()), Long.toString(policy.strikeMemory().toMillis())};
    return redis.await(redis.commands().<Long>eval(ATTEMPT, ScriptOutputType.INTEGER, keys, args))
        .map(Duration::ofMillis);
  }

  @Override
  public Future<Void> succeeded(String account, String address) {
    return redis.await(redis.commands().del(key("fail", "account", account), key("strikes", "account", account),
        key("fail", "address", address), key("strikes", "address", address))).mapEmpty();
  }

  static String key(String what, String kind, String id) {
    return "earshot:signin:" + what + ":" + kind + ":" + id;
  }
}
