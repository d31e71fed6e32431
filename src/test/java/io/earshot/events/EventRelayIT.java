package io.earshot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Decision;
import io.earshot.store.CaseStore;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.EventQueueStore;
import io.earshot.store.MongoStore;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the relay does with what a writer left behind when it died: the staged events of a change
 * that was written are delivered, those of a change that never was are dropped. The writer's
 * death is the point between its two steps, reproduced by running only the first.
 */
@DisplayName("The event relay after a writer died")
class EventRelayIT {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private Vertx vertx;
  private EmbeddedMongo server;
  private MongoStore mongo;
  private EventQueueStore queue;
  private CaseStore cases;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = EmbeddedMongo.start(TestHub.tempDir("relay-mongo"), false);
    mongo = new MongoStore(vertx, server.connectionString(), "earshot", MongoStore.writeConcern("1", false),
        server.durability());
    queue = new EventQueueStore(mongo);
    cases = new CaseStore(mongo);
    mongo.collection(MongoStore.CASES).insertOne(new Document("_id", "c1").append("platform", "sandbox")
        .append("customerId", "sandbox:ann").append("status", "open").append("priority", new Document("value", 40))
        .append("tags", List.of()).append("mentionCount", 1).append("version", 3L));
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
    vertx.close().await();
  }

  @Test
  @DisplayName("a change written before the crash has its staged events delivered, once")
  void writtenChangeDelivered() {
    RecordingListener listener = new RecordingListener("rec");
    Change change = resolve();
    stageOnly(change, true);
    EventDispatcher dispatcher = dispatcher(listener);
    EventRelay relay = new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(20), ZoneOffset.UTC));
    assertEquals(0, relay.sweep().await(), "an entry younger than the grace may still be its writer's");
    relay = new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC));
    assertEquals(1, relay.sweep().await());
    assertEquals(List.of("case.status_changed"), listener.typesAbout("case:c1"));
    assertEquals(change.id() + ".0", listener.seen().get(0).id(), "the id the writer gave it");
    assertEquals(0, relay.sweep().await(), "nothing left to deliver");
    assertEquals(0, mongo.collection(MongoStore.EVENT_QUEUE).countDocuments());
  }

  @Test
  @DisplayName("a change the crash cut before its write has its staged events dropped, never delivered")
  void unwrittenChangeDropped() {
    RecordingListener listener = new RecordingListener("rec");
    stageOnly(resolve(), false);
    EventRelay relay = new EventRelay(vertx, queue, dispatcher(listener), Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC));
    assertEquals(1, relay.sweep().await());
    assertTrue(listener.seen().isEmpty());
    assertEquals(0, mongo.collection(MongoStore.EVENT_QUEUE).countDocuments());
    assertEquals("open", mongo.collection(MongoStore.CASES).find(Filters.eq("_id", "c1")).first().getString("status"));
  }

  @Test
  @DisplayName("a listener still failing is retried later with back-off, and the others are not asked twice")
  void failingListenerBacksOff() {
    RecordingListener ok = new RecordingListener("ok");
    RecordingListener down = new RecordingListener("down");
    down.failNext(2);
    Change change = resolve();
    stageOnly(change, true);
    EventDispatcher dispatcher = dispatcher(ok, down);
    new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC)).sweep().await();
    assertEquals(1, ok.seen().size());
    assertTrue(down.seen().isEmpty());
    new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(32), ZoneOffset.UTC)).sweep().await();
    assertTrue(down.seen().isEmpty(), "not due yet: the back-off holds");
    new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).sweep().await();
    assertTrue(down.seen().isEmpty(), "failed a second time");
    new EventRelay(vertx, queue, dispatcher, Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC)).sweep().await();
    assertEquals(1, down.seen().size(), "delivered once it came back");
    assertEquals(1, ok.seen().size(), "the listener that had it was not asked again");
    assertEquals(0, mongo.collection(MongoStore.EVENT_QUEUE).countDocuments());
  }

  private EventDispatcher dispatcher(EventListener... listeners) {
    EventDispatcher dispatcher = new EventDispatcher(queue, Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC));
    for (EventListener l : listeners) {
      dispatcher.register(l);
    }
    return dispatcher;
  }

  private Change resolve() {
    CareCase c = cases.get("c1").await();
    Decision<CareCase> d = CaseLifecycle.changeStatus(c, CaseStatus.RESOLVED, "ann", T0);
    return Change.of(MongoStore.CASES, "c1", d.events());
  }

  /** The writer's first step (staging), then optionally its second (the write), then it dies. */
  private void stageOnly(Change change, boolean alsoWrite) {
    queue.stage(change.id(), change.collection(), change.documentId(), change.envelopes(), T0).await();
    if (alsoWrite) {
      CareCase c = cases.get("c1").await();
      cases.save(CaseLifecycle.changeStatus(c, CaseStatus.RESOLVED, "ann", T0).state(), c.version(), change.id()).await();
    }
  }

}
