package io.earshot;

import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.store.IngestJournal;
import io.earshot.store.MentionStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
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
}
