package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.earshot.store.CaseWrite;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes batches a crash interrupted after their mentions were inserted but before their cases
 * and customers were updated. Mentions already carry their case id, so recovery re-applies the
 * case upsert without counting (the count is recomputed from the mentions, since the crash may
 * have come before or after the increment) and marks the mentions threaded.
 */
public final class ThreadingRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadingRecovery.class);
  /** Older than any batch still in flight on a live instance. */
  private static final Duration GRACE = Duration.ofSeconds(30);
  private final IngestStores stores;

  public ThreadingRecovery(IngestStores stores) {
    this.stores = stores;
  }

  /** Repairs up to 500 unthreaded mentions; answers how many were repaired. */
  public Future<Integer> sweep() {
    var now = stores.clock().instant();
    return stores.mentions().unthreaded(now.minus(GRACE), 500).compose(mentions -> {
      if (mentions.isEmpty()) {
        return Future.succeededFuture(0);
      }
      Map<String, Mention> latestByCase = new LinkedHashMap<>();
      mentions.forEach(m -> latestByCase.merge(m.caseId(), m,
          (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
      List<CaseWrite> writes = new ArrayList<>();
      latestByCase.forEach((caseId, m) -> writes.add(
          new CaseWrite(caseId, true, m, 0, m.triage().priority(), false)));
      List<String> ids = mentions.stream().map(Mention::id).toList();
      return stores.cases().apply(writes, now)
          .compose(v -> stores.cases().recount(latestByCase.keySet()))
          .compose(v -> stores.customers().touch(mentions, now))
          .compose(v -> stores.mentions().markThreaded(ids))
          .onSuccess(v -> LOG.warn("recovered {} unthreaded mentions in {} cases", ids.size(), writes.size()))
          .map(ids.size());
    });
  }
}
