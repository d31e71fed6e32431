package io.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.IngestJournal;
import io.earshot.store.MentionStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Events of an ingest batch interrupted by a crash")
class RecoveryEventsIT {

  @Test
  @DisplayName("durable listeners get mention.received and case.opened of a batch finished by recovery")
  void recoveredBatchIsTold() {
    try (TestHub hub = TestHub.start()) {
      List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
      hub.hub().events().register(new EventListener() {
        @Override
        public String name() {
          return "probe";
        }

        @Override
        public boolean durable() {
          return true;
        }

        @Override
        public boolean accepts(EventEnvelope e) {
          return true;
        }

        @Override
        public Future<Void> handle(List<EventEnvelope> events) {
          seen.addAll(events);
          return Future.succeededFuture();
        }
      });
      Instant crashAt = Instant.now().minusSeconds(120);
      Mention stored = Mention.incoming(Platform.SANDBOX, null, "crash-ev-1",
              new Author("crash-ev-author", "crashy", "Crashy", 10, false), "@LedgerBank app won't load",
              crashAt, null, null, "en", null)
          .threaded("case-ev-after-crash", TriageEngine.withDefaults().score(ScoringInput.ofText("app won't load")), crashAt);
      new IngestJournal(hub.hub().mongo()).open("batch-ev-crash", List.of(stored.id()), crashAt).await();
      new MentionStore(hub.hub().mongo()).insertNew(List.of(stored)).await();
      assertEquals(1, hub.hub().recoverInterruptedBatches().await());
      // Recovery has returned: what it told has been delivered.
      assertEquals(List.of("mention.received/sandbox:crash-ev-1", "case.opened/case-ev-after-crash"),
          seen.stream().map(EventEnvelope::id).toList(), "ids derived from what the events are about");
      assertEquals("case:case-ev-after-crash", seen.get(1).subject());
    }
  }

  @Test
  @DisplayName("a batch told before the crash and told again by recovery keeps each event's id, so receivers hold one of each")
  void toldTwiceSameIds() {
    try (TestHub hub = TestHub.start()) {
      List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
      hub.hub().events().register(new RecordingProbe(seen));
      hub.api().ingest(new JsonArray().add(ApiClient.mention("twice-1", "twice-a",
          "@LedgerBank my card was declined")));
      assertTrue(ApiClient.eventually(Duration.ofSeconds(5),
          () -> seen.stream().anyMatch(e -> e.type().equals("case.opened"))));
      Mention stored = new MentionStore(hub.hub().mongo()).get("sandbox:twice-1").await();
      // The batch's journal entry as if the crash came after its tell and before its close.
      new IngestJournal(hub.hub().mongo()).open("batch-twice", List.of(stored.id()), stored.receivedAt()).await();
      hub.hub().recoverInterruptedBatches().await();
      List<String> ids = seen.stream().map(EventEnvelope::id).toList();
      assertEquals(2, ids.stream().distinct().filter(id -> id.startsWith("mention.received/") || id.startsWith("case.opened/"))
          .count(), "one mention and one case: " + ids);
      assertTrue(ids.stream().filter(id -> id.startsWith("case.opened/")).count() >= 1);
    }
  }

  /** A durable listener that keeps what it is given. */
  private record RecordingProbe(List<EventEnvelope> seen) implements EventListener {
    @Override
    public String name() {
      return "probe";
    }

    @Override
    public boolean durable() {
      return true;
    }

    @Override
    public boolean accepts(EventEnvelope e) {
      return true;
    }

    @Override
    public Future<Void> handle(List<EventEnvelope> events) {
      seen.addAll(events);
      return Future.succeededFuture();
    }
  }
}
