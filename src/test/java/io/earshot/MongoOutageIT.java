package io.earshot;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.connector.HubAccounts.mentionTotal;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.HealthProbe;
import io.earshot.testing.IngestStream;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A hub on an embedded MongoDB the test controls, stopped and started again on the same port and
 * data file while a client streams mentions (re-sending what is refused, as told by
 * {@code Retry-After}) and a Mastodon account is polled.
 */
@DisplayName("MongoDB unreachable for a while, then back")
class MongoOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final String ACCOUNT = "brand-mastodon";
  private static final String PREFIX = "mongo-outage";

  @Test
  @DisplayName("ingest answers 503 with Retry-After, never a 202 it cannot keep; health says mongo is down within 2 s; all resumes by itself")
  void mongoRestart() throws Exception {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "mastodon", emulator.baseUrl(),
        Map.of("accessToken", "${MASTODON_TOKEN}"), 1, Map.of("pageSize", 20));
    emulator.seedMentions(50, 4);
    Path mongoDir = TestHub.tempDir("outage-mongo");
    EmbeddedMongo mongo = EmbeddedMongo.start(mongoDir, false, 0);
    int port = mongo.port();
    Map<String, String> env = Map.of("MONGO_URL", mongo.connectionString(), "EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "MASTODON_TOKEN", MastodonEmulator.TOKEN);
    try (TestHub hub = TestHub.start(env)) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      try (IngestStream stream = new IngestStream(hub.baseUrl(), hub.ingestToken(), PREFIX, 20, 100, 1000)) {
        assertTrue(eventually(Duration.ofSeconds(30), () -> mentionTotal(api, "mastodon") == 50 && stream.answered() >= 5),
            "the account is polled and the stream flows before the fault");

        mongo.close();
        long stoppedAt = System.nanoTime();
        emulator.seedMentions(30, 4);
        Refusal casesList = refusal(hub.baseUrl() + "/api/v1/cases", api.sessionCookie());
        List<HealthProbe.Probe> probes = HealthProbe.during(hub.baseUrl(), OUTAGE.minusMillis(elapsedMs(stoppedAt)));

        mongo = EmbeddedMongo.start(mongoDir, false, port);
        long restartedAt = System.nanoTime();
        assertTrue(eventually(Duration.ofSeconds(10), () -> "up".equals(HealthProbe.once(hub.baseUrl()).mongo())),
            "health says mongo is up again");
        long healthBackMs = elapsedMs(restartedAt);
        assertTrue(eventually(Duration.ofSeconds(10), () -> stream.answers().stream()
            .anyMatch(a -> a.atNanos() > restartedAt && a.status() == 202)), "ingest accepts again");
        long ingestBackMs = elapsedMs(restartedAt);
        assertTrue(eventually(Duration.ofSeconds(60), () -> mentionTotal(api, "mastodon") == 80),
            "mentions posted during the outage are polled after it: " + mentionTotal(api, "mastodon"));
        long connectorBackMs = elapsedMs(restartedAt);
        stream.finish(Duration.ofSeconds(30));

        assertHealthDuringOutage(probes, stoppedAt);
        assertEquals(503, casesList.status(), "other routes answer 503 too: " + casesList);
        assertEquals("unavailable", new JsonObject(casesList.body()).getString("error_code"), casesList.toString());
        assertNotNull(casesList.retryAfter(), "with Retry-After");
        List<IngestStream.Answer> refused = assertRefusalsAreClean(stream, stoppedAt, restartedAt);
        assertStoredOnce(hub, stream);
        assertEquals(new HashSet<>(emulator.mentionIds()), HubAccounts.stored(hub, ACCOUNT).keySet(),
            "the cursor only moved past what was stored: every Mastodon mention stored, none twice");
        long threadedMs = awaitEveryMentionInACase(hub);
        assertEquals(200, api.get("/api/v1/cases").status(), "the session made before the outage still works");
        System.out.println(new JsonObject().put("fault", "mongo stopped").put("outageSeconds", OUTAGE.toSeconds())
            .put("healthProbes", probes.size()).put("healthMaxMs", HealthProbe.maxMillis(probes))
            .put("healthMedianMs", HealthProbe.medianMillis(probes)).put("ingestRefused503", refused.size())
            .put("ingest503MaxMs", refused.stream().mapToLong(IngestStream.Answer::millis).max().orElse(0))
            .put("casesList503Ms", casesList.millis())
            .put("mentionsStreamed", stream.sent().size()).put("lost", 0).put("duplicated", 0)
            .put("healthUpAfterRestartMs", healthBackMs).put("ingestAcceptsAfterRestartMs", ingestBackMs)
            .put("connectorCaughtUpAfterRestartMs", connectorBackMs).put("duplicatesOfRefusedBatches", stream.duplicates()).put("recoverySweepMs", threadedMs).encode());
      }
    } finally {
      mongo.close();
      await(emulator.stop());
      await(vertx.close());
    }
  }

  private record Refusal(int status, long millis, String retryAfter, String body) {
  }

  private static Refusal refusal(String url, String cookie) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
        .timeout(Duration.ofSeconds(30)).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Refusal(r.statusCode(), elapsedMs(start), r.headers().firstValue("Retry-After").orElse(null), r.body());
  }

  private static long elapsedMs(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }

  /** Every answer is fast; from one second after the stop, each says mongo is down, with 503. */
  private static void assertHealthDuringOutage(List<HealthProbe.Probe> probes, long stoppedAt) {
    assertTrue(probes.size() >= 10, "health was asked throughout: " + probes.size());
    for (HealthProbe.Probe p : probes) {
      assertTrue(p.millis() < 2000, "health answered in " + p.millis() + " ms: " + p);
      if (p.atNanos() - stoppedAt > 1_000_000_000L) {
        assertEquals(503, p.status(), p.toString());
        assertEquals("down", p.mongo(), "health says mongo is down: " + p);
        assertEquals("down", p.overall(), p.toString());
        assertEquals("up", p.redis(), p.toString());
      }
    }
  }

  /**
   * Ingest was refused during the outage, only ever with 503 and Retry-After, each refusal within
   * a few seconds (no request hangs), and never a 500 or a dropped connection.
   */
  private static List<IngestStream.Answer> assertRefusalsAreClean(IngestStream stream, long stoppedAt, long restartedAt) {
    List<IngestStream.Answer> refused = stream.answers().stream().filter(a -> a.status() != 202).toList();
    assertTrue(refused.stream().anyMatch(a -> a.atNanos() > stoppedAt && a.atNanos() < restartedAt),
        "ingest was refused while MongoDB was down");
    for (IngestStream.Answer a : refused) {
      assertEquals(503, a.status(), "refused only with 503: " + a);
      assertNotNull(a.retryAfter(), "with Retry-After: " + a);
      assertTrue(a.millis() < 5000, "refused within 5 s: " + a);
    }
    return refused;
  }

  /** Every mention the stream sent is stored exactly once: the re-sent ones as duplicates. */
  private static void assertStoredOnce(TestHub hub, IngestStream stream) {
    Set<String> stored = new HashSet<>();
    long documents = 0;
    for (Document d : hub.hub().mongo().collection(MongoStore.MENTIONS)
        .find(new Document("externalId", new Document("$regex", "^" + PREFIX + "-")))) {
      stored.add(d.getString("externalId"));
      documents++;
    }
    assertEquals(stream.sent(), stream.confirmed(), "every batch was confirmed in the end");
    assertEquals(stream.sent(), stored, "every mention answered 202 is stored");
    assertEquals(stored.size(), documents, "none twice");
    assertTrue(stream.accepted() <= stored.size(), "none counted accepted twice");
    // A confirmed batch is never sent again, so a duplicate is a mention of a refused batch that
    // was stored before the refusal: counted once either way.
    assertEquals(stored.size(), stream.accepted() + stream.duplicates(),
        "every mention counted once, as accepted or as the duplicate of a refused batch stored anyway");
  }

  /**
   * A batch cut by the outage after its mentions were inserted leaves its cases to
   * {@link io.earshot.ingest.ThreadingRecovery}; once it has run, every mention is in a case.
   */
  private static long awaitEveryMentionInACase(TestHub hub) {
    long start = System.nanoTime();
    assertTrue(eventually(Duration.ofSeconds(60), () -> {
      hub.hub().recoverInterruptedBatches().await();
      return mentionsWithoutCase(hub) == 0;
    }), "every mention belongs to a stored case: " + mentionsWithoutCase(hub) + " do not");
    return elapsedMs(start);
  }

  private static long mentionsWithoutCase(TestHub hub) {
    Set<String> cases = new HashSet<>();
    hub.hub().mongo().collection(MongoStore.CASES).find().projection(new Document("_id", 1))
        .forEach(d -> cases.add(d.getString("_id")));
    long missing = 0;
    for (Document m : hub.hub().mongo().collection(MongoStore.MENTIONS).find().projection(new Document("caseId", 1))) {
      if (!cases.contains(m.getString("caseId"))) {
        missing++;
      }
    }
    return missing;
  }
}
