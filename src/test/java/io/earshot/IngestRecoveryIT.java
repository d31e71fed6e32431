package io.earshot;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.store.IngestJournal;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Recovering an ingest batch interrupted by a crash")
class IngestRecoveryIT {

  @Test
  @DisplayName("mentions stored before a crash, whose case was never written, get their case and customer")
  void interruptedBatchIsFinished() {
    try (TestHub hub = TestHub.start()) {
      Instant crashAt = Instant.now().minusSeconds(120);
      Mention stored = Mention.incoming(Platform.SANDBOX, null, "crash-1",
              new Author("crash-author", "crashy", "Crashy", 10, false), "@LedgerBank app won't load",
              crashAt, null, null, "en", null)
          .threaded("case-after-crash", TriageEngine.withDefaults().score(ScoringInput.ofText("app won't load")), crashAt);
      new IngestJournal(hub.hub().mongo()).open("batch-crash", List.of(stored.id()), crashAt).await();
      new MentionStore(hub.hub().mongo()).insertNew(List.of(stored)).await();

      assertEquals(1, hub.hub().recoverInterruptedBatches().await());

      ApiClient api = hub.api().login("admin", hub.adminPassword());
      JsonObject detail = api.get("/api/v1/cases/case-after-crash").json();
      assertEquals(1, detail.getJsonObject("case").getInteger("mentionCount"));
      assertEquals("crashy", detail.getJsonObject("customer").getString("handle"));
      api.ingest(new JsonArray().add(mention("crash-2", "crash-author", "hello? anyone?")));
      assertEquals(2, api.get("/api/v1/cases/case-after-crash").json().getJsonObject("case").getInteger("mentionCount"),
          "the customer's next mention joins the recovered case");
      assertEquals(0, hub.hub().recoverInterruptedBatches().await(), "the journal entry was closed");
    }
  }

  @Test
  @DisplayName("on the embedded store, interrupted batches are finished at start-up, and an unreadable entry does not stop it")
  void finishedAtStartUp() {
    Map<String, String> env = Map.of("EARSHOT_DATA_DIR", TestHub.tempDir("earshot-recover-start").toString());
    try (TestHub before = TestHub.start(env)) {
      Instant at = Instant.now();
      Mention stored = Mention.incoming(Platform.SANDBOX, null, "start-1", new Author("start-author", "starter", "S", 1, false),
              "@LedgerBank refund?", at, null, null, "en", null)
          .threaded("case-at-start", TriageEngine.withDefaults().score(ScoringInput.ofText("refund?")), at);
      new IngestJournal(before.hub().mongo()).open("batch-at-start", List.of(stored.id()), at).await();
      new MentionStore(before.hub().mongo()).insertNew(List.of(stored)).await();
      before.hub().mongo().write(() -> before.hub().mongo().collection(MongoStore.INGEST_JOURNAL)
          .insertOne(new Document("_id", "unreadable").append("mentionIds", "not a list")
              .append("openedAt", Date.from(at.minusSeconds(5))))).await();
    }
    try (TestHub after = TestHub.start(env)) {
      ApiClient api = after.api().login("admin", after.adminPassword());
      JsonObject detail = api.get("/api/v1/cases/case-at-start").json();
      assertEquals(1, detail.getJsonObject("case").getInteger("mentionCount"), detail.encode());
      assertEquals(202, api.ingest(new JsonArray().add(mention("start-2", "start-author", "hello?"))).status());
    }
  }
}
