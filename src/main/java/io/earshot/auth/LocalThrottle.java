package io.earshot.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SignInThrottle} in this instance's memory, with the same rules as {@link RedisThrottle}.
 * It stands in while Redis is unreachable, so sign-in keeps working and keeps being throttled
 * (per instance rather than hub-wide). Bounded: past {@value #MAX_ENTRIES} tracked accounts and
 * addresses, expired ones are dropped, and if that is not enough the oldest knowledge goes.
 */
public final class LocalThrottle implements SignInThrottle {
  static final int MAX_ENTRIES = 50_000;
  private final ThrottlePolicy policy;
  private final Clock clock;
  private final Map<String, Counter> counters = new HashMap<>();

  /** Attempts in the window, when it ends, strikes and until when they are remembered, and the current wait. */
  private static final class Counter {
    long attempts;
    Instant windowEnds = Instant.MIN;
    long strikes;
    Instant strikesForgotten = Instant.MIN;
    Instant blockedUntil = Instant.MIN;
  }

  public LocalThrottle(ThrottlePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public synchronized Future<Duration> attempt(String account, String address) {
    Instant now = clock.instant();
    Counter byAccount = counter("account:" + account, now);
    Counter byAddress = counter("address:" + address, now);
    Duration wait = max(waitOf(byAccount, now), waitOf(byAddress, now));
    if (wait.isZero()) {
      wait = max(blockIfSpent(byAccount, policy.perAccount(), now), blockIfSpent(byAddress, policy.perAddress(), now));
    }
    if (wait.isZero()) {
      count(byAccount, now);
      count(byAddress, now);
    }
    return Future.succeededFuture(wait);
  }

  @Override
  public synchronized Future<Void> succeeded(String account, String address) {
    for (String key : new String[] {"account:" + account, "address:" + address}) {
      Counter c = counters.get(key);
      if (c != null) {
        c.attempts = 0;
        c.strikes = 0;
      }
    }
    return Future.succeededFuture();
  }

  /** How many accounts and addresses are tracked. */
  synchronized int tracked() {
    return counters.size();
  }

  private Counter counter(String key, Instant now) {
    if (counters.size() >= MAX_ENTRIES && !counters.containsKey(key)) {
      counters.values().removeIf(c -> !c.windowEnds.isAfter(now) && !c.blockedUntil.isAfter(now)
          && !c.strikesForgotten.isAfter(now));
      if (counters.size() >= MAX_ENTRIES) {
        counters.clear();
      }
    }
    Counter c = counters.computeIfAbsent(key, k -> new Counter());
    if (!c.windowEnds.isAfter(now)) {
      c.attempts = 0;
    }
    if (!c.strikesForgotten.isAfter(now)) {
      c.strikes = 0;
    }
    return c;
  }

  private static Duration waitOf(Counter c, Instant now) {
    return c.blockedUntil.isAfter(now) ? Duration.between(now, c.blockedUntil) : Duration.ZERO;
  }

  private Duration blockIfSpent(Counter c, int limit, Instant now) {
    if (c.attempts < limit) {
      return Duration.ZERO;
    }
    c.strikes++;
    c.strikesForgotten = now.plus(policy.strikeMemory());
    Duration block = policy.block(c.strikes);
    c.blockedUntil = now.plus(block);
    c.attempts = 0;
    return block;
  }

  private void count(Counter c, Instant now) {
    if (c.attempts++ == 0) {
      c.windowEnds = now.plus(policy.window());
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
