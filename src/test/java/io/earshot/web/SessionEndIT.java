package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.auth.Revocations;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sessions that really end: with them go their tokens and their open live sockets, on every instance. */
@DisplayName("Sessions that really end")
class SessionEndIT {
  private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
  private static final short ENDED = 1008;
  private static TestHub hub;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    admin = client().login("admin", hub.adminPassword());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  @DisplayName("after sign-out the session's live socket closes within 5 s and tokens made from it answer 401; other sessions go on")
  void signOut() {
    addAgent("sam-signout");
    ApiClient session = client().login("sam-signout", "sam-signout-password");
    ApiClient other = client().login("sam-signout", "sam-signout-password");
    String token = session.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    assertEquals(200, bearer(token, "/api/v1/cases"));
    try (LiveListener live = new LiveListener(hub.hub().port(), session.sessionCookie(), session.origin())) {
      assertEquals(204, session.delete("/api/v1/session").status());
      assertTrue(eventually(FIVE_SECONDS, live::closed), "the signed-out session's socket was closed");
      assertEquals(ENDED, live.closeStatus());
    }
    assertEquals(401, bearer(token, "/api/v1/cases"), "a token made from the session ended with it");
    assertEquals(401, session.get("/api/v1/session").status());
    assertEquals(200, other.get("/api/v1/session").status(), "signing out ends this session, not the user's others");
  }

  @Test
  @DisplayName("disabling a user ends all their sessions and tokens, closes their sockets within 5 s, and refuses their sign-in")
  void disable() {
    addAgent("dan-disabled");
    ApiClient first = client().login("dan-disabled", "dan-disabled-password");
    ApiClient second = client().login("dan-disabled", "dan-disabled-password");
    String token = first.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    try (LiveListener live = new LiveListener(hub.hub().port(), second.sessionCookie(), second.origin())) {
      assertEquals(200, admin.patch("/api/v1/users/dan-disabled", new JsonObject().put("disabled", true)).status());
      assertTrue(eventually(FIVE_SECONDS, live::closed), "the disabled user's socket was closed");
    }
    assertEquals(401, bearer(token, "/api/v1/cases"));
    assertEquals(401, first.get("/api/v1/cases").status());
    assertEquals(401, second.get("/api/v1/cases").status());
    ApiClient.Response refused = client().post("/api/v1/session", new JsonObject().put("username", "dan-disabled")
        .put("password", "dan-disabled-password"));
    assertEquals(401, refused.status());
    assertEquals("wrong username or password", refused.json().getString("message"), "a disabled account says no more");
    assertEquals(200, admin.patch("/api/v1/users/dan-disabled", new JsonObject().put("disabled", false)).status());
    client().login("dan-disabled", "dan-disabled-password");
  }

  @Test
  @DisplayName("changing one's password ends one's other sessions and tokens, but not the session it was done from")
  void passwordChange() {
    addAgent("pat-password");
    ApiClient here = client().login("pat-password", "pat-password-password");
    ApiClient elsewhere = client().login("pat-password", "pat-password-password");
    String token = here.post("/api/v1/tokens", new JsonObject()).json().getString("token");
    try (LiveListener live = new LiveListener(hub.hub().port(), elsewhere.sessionCookie(), elsewhere.origin())) {
      ApiClient.Response changed = here.patch("/api/v1/users/pat-password", new JsonObject()
          .put("password", "a-brand-new-password").put("currentPassword", "pat-password-password"));
      assertEquals(200, changed.status(), changed.body());
      assertTrue(eventually(FIVE_SECONDS, live::closed), "the other session's socket was closed");
    }
    assertEquals(200, here.get("/api/v1/session").status());
    assertEquals(401, elsewhere.get("/api/v1/session").status());
    assertEquals(401, bearer(token, "/api/v1/cases"));
    client().login("pat-password", "a-brand-new-password");
  }

  @Test
  @DisplayName("a live socket re-checks its session: one removed without any signal still closes within 5 s")
  void periodicRecheck() {
    addAgent("rex-recheck");
    ApiClient session = client().login("rex-recheck", "rex-recheck-password");
    try (LiveListener live = new LiveListener(hub.hub().port(), session.sessionCookie(), session.origin())) {
      hub.hub().mongo().collection(MongoStore.SESSIONS).deleteMany(new Document("username", "rex-recheck"));
      assertTrue(eventually(FIVE_SECONDS, live::closed), "the socket noticed its session was gone");
      assertEquals(ENDED, live.closeStatus());
    }
  }

  @Test
  @DisplayName("signing out on one instance closes the session's live socket on another, through Redis")
  void acrossInstances() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url());
      List<String> signals = new CopyOnWriteArrayList<>();
      RedisClient observer = RedisClient.create(redis.url());
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared);
           var subscription = observer.connectPubSub()) {
        subscription.addListener(new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            signals.add(message);
          }
        });
        subscription.sync().subscribe(Revocations.REVOKED_CHANNEL);
        ApiClient onA = new ApiClient(a.baseUrl(), a.ingestToken()).login("admin", a.adminPassword());
        try (LiveListener onB = new LiveListener(b.hub().port(), onA.sessionCookie())) {
          assertEquals(204, onA.delete("/api/v1/session").status());
          assertTrue(eventually(FIVE_SECONDS, onB::closed), "instance B closed the socket of a session ended on A");
        }
        assertTrue(eventually(FIVE_SECONDS, () -> !signals.isEmpty()), "the end was announced on " + Revocations.REVOKED_CHANNEL);
        assertEquals(1, new JsonObject(signals.get(0)).getJsonArray("credentials").size());
      } finally {
        observer.shutdown();
      }
    }
  }

  private static void addAgent(String name) {
    ApiClient.Response created = admin.post("/api/v1/users", new JsonObject().put("username", name)
        .put("password", name + "-password").put("roles", new JsonArray().add("agent")));
    assertEquals(201, created.status(), created.body());
  }

  private static int bearer(String token, String path) {
    return client().raw("GET", path, null, Map.of("Authorization", "Bearer " + token)).status();
  }

  private static ApiClient client() {
    return new ApiClient(hub.baseUrl(), hub.ingestToken());
  }
}
