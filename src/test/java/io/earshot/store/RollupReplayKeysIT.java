package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.RollupBatch;
import io.earshot.analytics.RollupDelta;
import io.earshot.testing.MutableClock;
import io.earshot.testing.TestDirs;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rollup replay keys: a delivery told again counts once, and old keys do not pile up")
class RollupReplayKeysIT {
  private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path DIR = TestDirs.create("earshot-replay-keys");
  private static Vertx vertx;
  private static EmbeddedMongo embedded;
  private static MongoStore mongo;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    embedded = EmbeddedMongo.start(DIR, false);
    mongo = new MongoStore(vertx, embedded.connectionString(), "earshot", MongoStore.writeConcern("1", false),
        embedded.durability());
  }

  @AfterAll
  static void stop() {
    mongo.close();
    embedded.close();
    vertx.close().await();
    TestDirs.delete(DIR);
  }

  @Test
  @DisplayName("told again two days after it was written, a delivery changes nothing; its key sits under the day it was written")
  void replayWithinTheHorizon() throws Exception {
    MutableClock clock = new MutableClock(MONDAY);
    RollupStore store = new RollupStore(mongo, false, clock);
    Collection<RollupDelta> delivery = mention("acme", "e1");
    store.apply(List.of(delivery)).await();
    clock.advance(Duration.ofDays(2));
    store.apply(List.of(delivery)).await();

    String id = dayDocument(delivery);
    assertEquals(1, ((Number) figures(store, id).get("mentions")).intValue(), "counted once");
    assertEquals(List.of("20261130"), List.copyOf(keys(id).keySet()));
  }

  @Test
  @DisplayName("a write drops the keys of days past the horizon and keeps today's")
  void oldKeysDropped() throws Exception {
    MutableClock clock = new MutableClock(MONDAY);
    RollupStore store = new RollupStore(mongo, false, clock);
    Collection<RollupDelta> first = mention("globex", "e2");
    store.apply(List.of(first)).await();
    clock.advance(Duration.ofDays(ReplayKeys.HORIZON_DAYS));
    store.apply(List.of(mention("globex", "e3"))).await();

    String id = dayDocument(first);
    Document keys = keys(id);
    assertFalse(keys.containsKey("20261130"), "Monday's keys are gone: " + keys.toJson());
    assertTrue(keys.containsKey("20261203"), "Thursday's are kept: " + keys.toJson());
    assertEquals(2, ((Number) figures(store, id).get("mentions")).intValue(), "both mentions counted");
  }

  /** One delivery: a mention of {@code brand} on Monday, told by event {@code eventId}. */
  private static Collection<RollupDelta> mention(String brand, String eventId) {
    RollupBatch batch = new RollupBatch();
    batch.mention(new MentionFact("x", brand, MONDAY, "negative", -0.5, List.of("billing"), "charged twice"), eventId);
    return batch.deltas();
  }

  private static String dayDocument(Collection<RollupDelta> delivery) {
    return delivery.stream().filter(d -> d.kind().equals("day") && d.platform().equals("x"))
        .findFirst().orElseThrow().id();
  }

  private static Map<String, Object> figures(RollupStore store, String id) throws Exception {
    return store.read(List.of(id)).await().get(0);
  }

  private static Document keys(String id) {
    Document doc = mongo.collection(RollupStore.ROLLUPS).find(Filters.eq("_id", id)).first();
    return doc.get("k", Document.class);
  }
}
