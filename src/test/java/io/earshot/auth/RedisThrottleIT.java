package io.earshot.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.redis.RedisConnection;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sign-in throttle against a real Redis, and what happens when Redis goes away. */
@DisplayName("The hub-wide sign-in throttle in Redis")
class RedisThrottleIT {
  /** Short waits, so a test can see one end: 3 attempts, first wait 1 s, cap 4 s. */
  private static final ThrottlePolicy QUICK = new ThrottlePolicy(3, 100, Duration.ofMinutes(1),
      Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofHours(1));

  @Test
  @DisplayName("waits double up to the cap and end by themselves; a correct password clears the count")
  void backOff() {
    Vertx vertx = Vertx.vertx();
    try (EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("throttle-redis"));
         RedisConnection connection = new RedisConnection(vertx, redis.url())) {
      RedisThrottle throttle = new RedisThrottle(connection, QUICK);
      for (int i = 0; i < 3; i++) {
        assertEquals(Duration.ZERO, throttle.attempt("ann", "10.0.0.1").await());
      }
      for (long wait : new long[] {1000, 2000, 4000, 4000}) {
        assertEquals(wait, throttle.attempt("ann", "10.0.0.1").await().toMillis());
        // Once the wait is over the next attempt passes (and counts), then two more pass.
        assertTrue(ApiClient.eventually(Duration.ofSeconds(10),
            () -> throttle.attempt("ann", "10.0.0.2").await().isZero()), "the wait ended by itself");
        for (int i = 0; i < 2; i++) {
          assertEquals(Duration.ZERO, throttle.attempt("ann", "10.0.0.1").await());
        }
      }
      throttle.succeeded("ann", "10.0.0.1").await();
      for (int i = 0; i < 3; i++) {
        assertEquals(Duration.ZERO, throttle.attempt("ann", "10.0.0.1").await(), "a success cleared the count");
      }
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("with Redis gone, sign-in attempts are still counted (on this instance) and answered at once")
  void redisDown() {
    Vertx vertx = Vertx.vertx();
    EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("throttle-redis"));
    try (RedisConnection connection = new RedisConnection(vertx, redis.url())) {
      FailoverThrottle throttle = new FailoverThrottle(new RedisThrottle(connection, QUICK),
          new LocalThrottle(QUICK, Clock.systemUTC()), Clock.systemUTC());
      assertEquals(Duration.ZERO, throttle.attempt("bea", "10.0.0.1").await());
      assertFalse(throttle.degraded());
      redis.close();
      long started = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        assertEquals(Duration.ZERO, throttle.attempt("bea", "10.0.0.1").await(), "attempt " + i);
      }
      assertTrue(throttle.degraded(), "the throttle noticed Redis is gone");
      assertEquals(Duration.ofSeconds(1), throttle.attempt("bea", "10.0.0.1").await(),
          "the local stand-in still makes the 4th attempt wait");
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10,
          "only the first attempt waited for Redis, and only for the 1 s timeout (not Lettuce's 60 s)");
    } finally {
      redis.close();
      vertx.close().await();
    }
  }
}
