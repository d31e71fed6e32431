package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.earshot.store.CaseWrite;
import io.earshot.store.IngestJournal;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes batches a crash interrupted between inserting their mentions and updating their cases
 * and customers: each journal entry older than any live batch names the mentions to finish.
 * Mentions already carry their case id, so the case upsert is re-applied without counting (the
 * count is recomputed from the stored mentions, since the crash may have come before or after
 * the increment) and the customers are pointed at their cases again.
 */
public final class ThreadingRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadingRecovery.class);
  /** Older than any batch still in flight on a live instance. */
  private static final Duration GRACE = Duration.ofSeconds(30);
  private final IngestStores stores;

  public ThreadingRecovery(IngestStores stores) {
    this.stores = stores;
  }

  /** Finishes up to 50 interrupted batches; answers how many mentions were repaired. */
  public Future<Integer> sweep() {
    Instant now = stores.clock().instant();
    return stores.journal().stale(now.minus(GRACE), 50).compose(entries -> {
      Future<Integer> done = Future.succeededFuture(0);
      for (IngestJournal.Entry entry : entries) {
        done = done.compose(total -> finish(entry, now).map(n -> total + n));
      }
      return done;
    });
  }

  private static List<String> idsOfCase(List<Mention> mentions, String caseId) {
    return mentions.stream().filter(m -> caseId.equals(m.caseId())).map(Mention::id).toList();
  }

  private Future<Integer> finish(IngestJournal.Entry entry, Instant now) {
    return stores.mentions().byIds(entry.mentionIds()).compose(mentions -> {
      Map<String, Mention> latestByCase = new LinkedHashMap<>();
      mentions.forEach(m -> latestByCase.merge(m.caseId(), m, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
      List<CaseWrite> writes = new ArrayList<>();
      latestByCase.forEach((caseId, m) -> writes.add(new CaseWrite(caseId, true, m, idsOfCase(mentions, caseId), 0,
          m.triage().priority(), false)));
      return stores.cases().apply(writes, now)
          .compose(v -> stores.cases().recount(latestByCase.keySet()))
          .compose(v -> stores.customers().touch(mentions, now))
          .compose(v -> stores.journal().close(entry.id()))
          .onSuccess(v -> LOG.warn("recovered interrupted ingest batch={}: {} mentions in {} cases",
              entry.id(), mentions.size(), writes.size()))
          .map(mentions.size());
    });
  }
}
