package io.earshot.redis;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.HealthProbe;
import io.earshot.testing.IngestStream;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A hub on a redis-server the test controls (the binary embedded-redis ships), stopped for 30 s
 * and started again on the same port, empty, as a restarted Redis without persistence is.
 * Meanwhile a client streams mentions through the ingest API, a Mastodon account is polled, a
 * dashboard stays connected and an agent answers a case.
 */
@DisplayName("Redis stopped for 30 s and started again while mentions stream in")
class RedisOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final String ACCOUNT = "brand-mastodon";

  @Test
  @DisplayName("ingest goes on without loss, health says redis is down within 2 s, and leases, live feed and dashboards come back")
  void redisRestart() throws Exception {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of("pageSize", 20));
    emulator.seedMentions(50, 4);
    Path redisDir = TestHub.tempDir("outage-redis");
    EmbeddedRedis redis = EmbeddedRedis.start(redisDir, 0);
    int port = redis.port();
    Map<String, String> env = Map.of("REDIS_URL", redis.url(), "EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN, "EARSHOT_CONNECTOR_LEASE_SECONDS", "3",
        "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1");
    try (TestHub hub = TestHub.start(env)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      try (LiveListener dashboard = new LiveListener(hub.hub().port(), api.sessionCookie());
           IngestStream stream = new IngestStream(hub.baseUrl(), hub.ingestToken(), "redis-outage", 20, 100, 1000)) {
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(api, "mastodon") == 50 && stream.answered() >= 5),
            "the account is polled and the stream flows before the fault");
        assertTrue(hub.hub().connectors().polling().contains(ACCOUNT));

        redis.close();
        long stoppedAt = System.nanoTime();
        emulator.seedMentions(30, 4);
        String caseId = mastodonCase(hub);
        JsonObject reply = api.post("/api/v1/cases/" + caseId + "/replies",
            new JsonObject().put("text", "Sorry for the trouble, we are on it")).json();
        List<HealthProbe.Probe> probes = HealthProbe.during(hub.baseUrl(), OUTAGE.minusMillis(elapsedMs(stoppedAt)));
        redis = EmbeddedRedis.start(redisDir, port);
        long restartedAt = System.nanoTime();
        List<IngestStream.Answer> during = stream.answers().stream()
            .filter(a -> a.atNanos() > stoppedAt && a.atNanos() < restartedAt).toList();
        assertTrue(eventually(Duration.ofSeconds(10), () -> "up".equals(HealthProbe.once(hub.baseUrl()).redis())),
            "health says redis is up again");
        long healthBackMs = elapsedMs(restartedAt);
        assertTrue(eventually(Duration.ofSeconds(10), () -> dashboard.events().stream()
            .anyMatch(e -> "live.resync".equals(e.getString("type")))), "the dashboard was told to resync");
        long resyncMs = elapsedMs(restartedAt);
        assertTrue(eventually(Duration.ofSeconds(15), () -> hub.hub().connectors().polling().contains(ACCOUNT)),
            "the connector lease is taken again");
        long leaseBackMs = elapsedMs(restartedAt);
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(api, "mastodon") == 80),
            "mentions posted during the outage are polled after it: " + mentionTotal(api, "mastodon"));
        long caughtUpMs = elapsedMs(restartedAt);
        assertLeasesHeld(redis.url(), hub.hub().connectors().instanceId());

        api.ingest(new JsonArray().add(mention("after-redis-outage", "late-author", "@VoltMobile still down?")));
        assertTrue(eventually(Duration.ofSeconds(5), () -> dashboard.saw("mention.received", "mention", "externalId", "after-redis-outage")),
            "the live feed carries new mentions again");
        stream.finish(Duration.ofSeconds(30));

        assertHealthDuringOutage(probes, stoppedAt);
        assertTrue(!during.isEmpty(), "ingest was answered while Redis was down");
        assertTrue(stream.answers().stream().allMatch(a -> a.status() == 202),
            "every ingest request was accepted, Redis or not: " + nonAccepted(stream));
        assertStoredOnce(hub, stream);
        assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet(),
            "every Mastodon mention stored, none twice");
        assertRepliedOnce(api, emulator, caseId, reply.getString("id"));
        System.out.println(new JsonObject().put("fault", "redis stopped").put("outageSeconds", OUTAGE.toSeconds())
            .put("healthProbes", probes.size()).put("healthMaxMs", HealthProbe.maxMillis(probes))
            .put("healthMedianMs", HealthProbe.medianMillis(probes)).put("ingestAnsweredDuringOutage", during.size())
            .put("ingestMaxMsDuringOutage", during.stream().mapToLong(IngestStream.Answer::millis).max().orElse(0))
            .put("mentionsStreamed", stream.sent().size()).put("lost", 0).put("duplicated", 0)
            .put("healthUpAfterRestartMs", healthBackMs).put("resyncAfterRestartMs", resyncMs)
            .put("leaseRetakenAfterRestartMs", leaseBackMs).put("connectorCaughtUpAfterRestartMs", caughtUpMs).encode());
      }
    } finally {
      redis.close();
      await(emulator.stop());
      await(vertx.close());
    }
  }

  private static long elapsedMs(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  private static String mastodonCase(TestHub hub) {
    Document any = hub.hub().mongo().collection(MongoStore.MENTIONS).find(new Document("account", ACCOUNT)).first();
    assertNotNull(any, "a Mastodon mention is stored");
    return any.getString("caseId");
  }

  /**
   * From one second after the stop (the client notices a closed socket at once; the second is
   * slack for a loaded machine) every answer says redis is down, and every answer is fast.
   */
  private static void assertHealthDuringOutage(List<HealthProbe.Probe> probes, long stoppedAt) {
    assertTrue(probes.size() > 20, "health was asked throughout: " + probes.size());
    for (HealthProbe.Probe p : probes) {
      assertTrue(p.millis() < 2000, "health answered in " + p.millis() + " ms: " + p);
      assertEquals(200, p.status(), "a Redis outage does not take the instance out of rotation: " + p);
      if (p.atNanos() - stoppedAt > 1_000_000_000L) {
        assertEquals("down", p.redis(), "health says redis is down: " + p);
        assertEquals("degraded", p.overall(), p.toString());
        assertEquals("up", p.mongo(), p.toString());
      }
    }
  }

  /** Both leases in Redis again, the connector's held by this instance. */
  private static void assertLeasesHeld(String url, String instanceId) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      assertEquals(instanceId, c.sync().get("earshot:lease:connector:" + ACCOUNT));
      assertTrue(eventually(Duration.ofSeconds(5), () -> c.sync().get("earshot:lease:engagement") != null),
          "the engagement lease is taken again");
    } finally {
      client.shutdown();
    }
  }

  private static List<IngestStream.Answer> nonAccepted(IngestStream stream) {
    return stream.answers().stream().filter(a -> a.status() != 202).limit(5).toList();
  }

  /** Every mention the stream sent is stored exactly once and was counted accepted exactly once. */
  private static void assertStoredOnce(TestHub hub, IngestStream stream) {
    Set<String> stored = new HashSet<>();
    long documents = 0;
    for (Document d : hub.hub().mongo().collection(MongoStore.MENTIONS)
        .find(new Document("externalId", new Document("$regex", "^redis-outage-")))) {
      stored.add(d.getString("externalId"));
      documents++;
    }
    assertEquals(stream.sent(), stream.confirmed(), "every batch was confirmed");
    assertEquals(stream.sent(), stored, "every mention answered 202 is stored");
    assertEquals(stored.size(), documents, "none twice");
    assertEquals(stored.size(), stream.accepted(), "each counted accepted once");
    assertEquals(0, stream.duplicates(), "nothing had to be re-sent");
  }

  /** The reply written while Redis was down is sent, and the platform got it exactly once. */
  private static void assertRepliedOnce(ApiClient api, MastodonEmulator emulator, String caseId, String replyId) {
    assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(replyState(api, caseId, replyId))),
        "the reply is sent: " + replyState(api, caseId, replyId));
    long posts = emulator.posted().stream().filter(p -> p.getString("source_text").contains("Sorry for the trouble, we are on it"))
        .count();
    assertEquals(1, posts, "published once");
  }

  private static String replyState(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(i -> replyId.equals(i.getString("id"))).map(i -> i.getString("state")).findFirst().orElse(null);
  }
}
