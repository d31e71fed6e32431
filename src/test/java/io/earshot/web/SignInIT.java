package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.auth.PasswordPool;
import io.earshot.error.DomainError;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.lettuce.core.RedisClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sign-in cannot be abused: attempts are throttled per account and per client address (in Redis,
 * so every instance counts them), passwords are checked off the event loop on a bounded pool, and
 * an unknown name costs and answers the same as a known one. This hub believes 127.0.0.1 as a
 * proxy, so tests can play many client addresses through {@code X-Forwarded-For}.
 */
@DisplayName("Sign-in that cannot be abused")
class SignInIT {
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    hub = TestHub.start(Map.of("EARSHOT_TRUSTED_PROXIES", "127.0.0.1", "EARSHOT_SIGNIN_ADDRESS_LIMIT", "5"));
    admin = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("the 21st wrong password in a minute gets 429 with Retry-After, the right one waits too; other accounts go on")
  void accountThrottle() {
    addUser("ann-throttled");
    for (int i = 1; i <= 20; i++) {
      assertEquals(401, signIn("ann-throttled", "wrong-password", "10.1.0." + i).status(), "attempt " + i);
    }
    ApiClient.Response blocked = signIn("ann-throttled", "ann-throttled-password", "10.1.1.1");
    assertEquals(429, blocked.status(), blocked.body());
    assertEquals("too_many_requests", blocked.json().getString("error_code"));
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 60, "waits at most the first back-off: " + retryAfter);
    addUser("bob-free");
    assertEquals(200, signIn("bob-free", "bob-free-password", "10.1.1.1").status());
  }

  @Test
  @DisplayName("one address guessing many accounts waits after its limit; a correct password from it clears its own count")
  void addressThrottle() {
    addUser("cid-address");
    String address = "198.51.100.7";
    for (int i = 0; i < 4; i++) {
      assertEquals(401, signIn("nobody-" + i, "wrong-password", address).status());
    }
    assertEquals(200, signIn("cid-address", "cid-address-password", address).status());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, signIn("someone-" + i, "wrong-password", address).status(), "count was reset; attempt " + i);
    }
    assertEquals(429, signIn("someone-else", "wrong-password", address).status());
    assertEquals(401, signIn("someone-else", "wrong-password", "198.51.100.8").status(), "other addresses go on");
  }

  @Test
  @DisplayName("an unknown name costs the same password check as a known one and gets the same answer")
  void unknownUserSameWork() {
    addUser("dee-known");
    PasswordPool pool = hub.hub().auth().passwords();
    long before = pool.verifications();
    ApiClient.Response known = signIn("dee-known", "not-her-password", "10.2.0.1");
    long afterKnown = pool.verifications();
    ApiClient.Response unknown = signIn("dee-unknown", "not-her-password", "10.2.0.2");
    assertEquals(1, afterKnown - before, "a known user's password is checked once");
    assertEquals(1, pool.verifications() - afterKnown, "an unknown user is checked against a dummy hash, once");
    assertEquals(known.status(), unknown.status());
    assertEquals(known.body(), unknown.body());
  }

  @Test
  @DisplayName("passwords are checked on the named pool, never an event loop; a saturated pool answers 503, not an endless queue")
  void boundedPool() throws Exception {
    String thread = hub.hub().auth().passwords().execute(() -> Thread.currentThread().getName()).await();
    assertTrue(thread.startsWith(PasswordPool.POOL_NAME), thread);
    Vertx vertx = Vertx.vertx();
    PasswordPool pool = new PasswordPool(vertx, 1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      pool.hash("warm-up-password").await();
      List<Future<Boolean>> jobs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        jobs.add(pool.execute(() -> release.await(30, java.util.concurrent.TimeUnit.SECONDS)));
      }
      long refused = jobs.stream().filter(f -> f.failed() && f.cause() instanceof DomainError.Unavailable).count();
      assertEquals(8, refused, "one thread and a queue of 32: the rest is refused at once");
      release.countDown();
      assertTrue(jobs.get(0).await());
    } finally {
      release.countDown();
      pool.close();
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("a trusted proxy's X-Forwarded-Proto: https makes the session cookie Secure")
  void secureCookie() {
    ApiClient.Response viaTls = new ApiClient(hub.baseUrl(), hub.ingestToken()).raw("POST", "/api/v1/session", credentials("admin", hub.adminPassword()),
        Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https", "X-Forwarded-For", "10.3.0.1"));
    assertEquals(200, viaTls.status());
    String cookie = viaTls.header("Set-Cookie");
    String lower = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(lower.contains("; secure") && lower.contains("; httponly") && lower.contains("samesite=strict"), cookie);
    ApiClient.Response plain = signIn("admin", hub.adminPassword(), "10.3.0.2");
    assertFalse(plain.header("Set-Cookie").toLowerCase(java.util.Locale.ROOT).contains("; secure"),
        plain.header("Set-Cookie"));
  }

  @Test
  @DisplayName("every instance counts the same attempts (state in Redis under earshot:); an untrusted peer's forwarding headers are ignored")
  void sharedAcrossInstances() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url());
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared)) {
        ApiClient onA = new ApiClient(a.baseUrl(), a.ingestToken());
        for (int i = 0; i < 20; i++) {
          assertEquals(401, onA.raw("POST", "/api/v1/session", credentials("admin", "wrong-password"),
              Map.of("Content-Type", "application/json", "X-Forwarded-For", "10.9.0." + i)).status());
        }
        ApiClient.Response onB = new ApiClient(b.baseUrl(), b.ingestToken()).raw("POST", "/api/v1/session",
            credentials("admin", b.adminPassword()), Map.of("Content-Type", "application/json",
                "X-Forwarded-Proto", "https"));
        assertEquals(429, onB.status(), "instance B knows of the guesses made on A: " + onB.body());
        RedisClient client = RedisClient.create(redis.url());
        try (var connection = client.connect()) {
          List<String> keys = connection.sync().keys("earshot:signin:*");
          assertTrue(keys.contains("earshot:signin:block:account:admin"), keys.toString());
          assertTrue(keys.contains("earshot:signin:fail:address:127.0.0.1")
              && keys.stream().noneMatch(k -> k.contains("10.9.0.")), "without a trusted proxy the peer "
              + "address counts, whatever X-Forwarded-For says: " + keys);
        } finally {
          client.shutdown();
        }
      }
    }
  }

  private static void addUser(String name) {
    ApiClient.Response created = admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add("agent")));
    assertEquals(201, created.status(), created.body());
  }

  private static ApiClient.Response signIn(String username, String password, String address) {
    ApiClient.Response r = new ApiClient(hub.baseUrl(), hub.ingestToken()).raw("POST", "/api/v1/session",
        credentials(username, password), Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
    assertNotNull(r.body());
    return r;
  }

  private static String credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password).encode();
  }
}
