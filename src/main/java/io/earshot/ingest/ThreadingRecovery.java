package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.store.CaseWrite;
import io.earshot.store.IngestJournal;
import io.earshot.store.OrphanStore;
import io.earshot.store.ThreadMoves;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes batches a crash interrupted, from their journal entries: the chain moves are applied
 * again, then, for the mentions that were inserted, the replies waiting for a parent are
 * recorded again, the cases are upserted without counting (the count is recomputed from the
 * case's mention list, since the crash may have come before or after the increment), the
 * customers are pointed at their cases again, and replies that were waiting for one of these
 * mentions in another case are moved to it. Every step is idempotent, so a crash during
 * recovery is recovered the same way.
 *
 * <p>{@link #sweep()} runs every 30 s on each instance and takes entries older than any live
 * batch. {@link #recoverAll()} runs at start-up on the embedded store, before the hub takes
 * mentions: that store serves one process, so every entry left is from a dead one, and a
 * re-sent mention then meets finished cases, not half-written ones.
 */
public final class ThreadingRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadingRecovery.class);
  /** Older than any batch still in flight on a live instance. */
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final int PAGE = 50;
  private final IngestStores stores;

  public ThreadingRecovery(IngestStores stores) {
    this.stores = stores;
  }

  /** Finishes up to 50 batches interrupted more than 30 s ago; answers how many mentions were repaired. */
  public Future<Integer> sweep() {
    Instant now = stores.clock().instant();
    return stores.journal().stale(now.minus(GRACE), PAGE).compose(entries -> finishAll(entries, now))
        .map(Finished::mentions);
  }

  /**
   * Finishes every interrupted batch, whatever its age: only when no other instance can be
   * writing. Stops paging when a whole page could not be finished (those entries stay for the
   * periodic sweep), so one bad entry can never keep the hub from starting.
   */
  public Future<Integer> recoverAll() {
    Instant now = stores.clock().instant();
    return stores.journal().stale(now.plusSeconds(1), PAGE).compose(entries -> finishAll(entries, now)
        .compose(done -> entries.size() < PAGE || done.closed() == 0 ? Future.succeededFuture(done.mentions())
            : recoverAll().map(more -> done.mentions() + more)));
  }

  private record Finished(int closed, int mentions) {
  }

  /** Each entry on its own: one that fails is logged and left open, and the others are finished. */
  private Future<Finished> finishAll(List<IngestJournal.Entry> entries, Instant now) {
    Future<Finished> done = Future.succeededFuture(new Finished(0, 0));
    for (IngestJournal.Entry entry : entries) {
      done = done.compose(total -> finish(entry, now)
          .map(n -> new Finished(total.closed() + 1, total.mentions() + n))
          .recover(e -> {
            LOG.error("ingest batch={} could not be recovered; left for the next sweep: {}", entry.id(), e.toString());
            return Future.succeededFuture(total);
          }));
    }
    return done;
  }

  private Future<Integer> finish(IngestJournal.Entry entry, Instant now) {
    return stores.moves().apply(entry.moves(), now)
        .compose(v -> stores.mentions().byIds(entry.mentionIds()))
        .compose(mentions -> rethread(mentions, entry, now)
            .compose(v -> tell(entry, mentions, now))
            .compose(v -> stores.journal().close(entry.id()))
            .onSuccess(v -> LOG.warn("recovered interrupted ingest batch={}: {} mentions, {} moves",
                entry.id(), mentions.size(), entry.moves().size()))
            .map(mentions.size()));
  }

  /**
   * Tells the batch's events again (its own tell may or may not have run before the crash):
   * their ids are the ones the batch gave them, so listeners keep one of each.
   */
  private Future<Void> tell(IngestJournal.Entry entry, List<Mention> mentions, Instant now) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture();
    }
    Set<String> caseIds = new HashSet<>();
    mentions.forEach(m -> caseIds.add(m.caseId()));
    return stores.cases().byIds(caseIds).compose(cases -> stores.events().deliverDurable(entry.id(),
        IngestEvents.recovered(mentions, cases, entry.openedAt(), now)));
  }

  private Future<Void> rethread(List<Mention> mentions, IngestJournal.Entry entry, Instant now) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture();
    }
    return rememberOrphans(mentions, now)
        .compose(v -> finishCases(mentions, entry.caseBrands(), entry.openedAt()))
        .compose(v -> finishCustomers(mentions, now))
        .compose(v -> adoptWaiting(mentions, now));
  }

  /**
   * Upserts only the cases that do not list all their mentions yet: a batch that got that far
   * before the crash may be followed by later batches, whose newer text and priority a second
   * upsert would overwrite. Written as of the batch's own start, so a case it opens says when the
   * batch opened it (which is how its {@code case.opened} is told again). A case created here gets
   * the brand the batch journaled for it (an entry from before brands has none: its latest mention's).
   */
  private Future<Void> finishCases(List<Mention> mentions, Map<String, String> caseBrands, Instant batchStart) {
    Instant now = batchStart;
    Map<String, Mention> latestByCase = new LinkedHashMap<>();
    mentions.forEach(m -> latestByCase.merge(m.caseId(), m, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
    return stores.moves().listedIn(latestByCase.keySet()).compose(listed -> {
      List<CaseWrite> writes = new ArrayList<>();
      latestByCase.forEach((caseId, m) -> {
        List<String> ids = idsOfCase(mentions, caseId);
        if (!listed.getOrDefault(caseId, Set.of()).containsAll(ids)) {
          writes.add(new CaseWrite(caseId, true, m, ids, 0, m.triage().priority(), false,
              caseBrands.getOrDefault(caseId, ThreadingFacts.brandOf(m)), null));
        }
      });
      return stores.cases().apply(writes, now)
          .compose(v -> stores.cases().recount(writes.stream().map(CaseWrite::caseId).toList()));
    });
  }

  /**
   * Points customers at their cases again (with each case's brand, as stored now), unless this
   * batch or a later one already did.
   */
  private Future<Void> finishCustomers(List<Mention> mentions, Instant now) {
    Set<String> ids = new HashSet<>();
    Set<String> caseIds = new HashSet<>();
    mentions.forEach(m -> {
      ids.add(m.customerId());
      caseIds.add(m.caseId());
    });
    Future<Map<String, Customer>> customers = stores.customers().byIds(ids);
    Future<Map<String, CareCase>> cases = stores.cases().byIds(caseIds);
    return Future.all(customers, cases).compose(v -> {
      Map<String, Customer> known = customers.result();
      Map<String, String> brandOfCase = new HashMap<>();
      cases.result().forEach((id, c) -> brandOfCase.put(id, c.brand()));
      return stores.customers().touch(mentions.stream()
          .filter(m -> known.get(m.customerId()) == null || known.get(m.customerId()).lastSeen() == null
              || known.get(m.customerId()).lastSeen().isBefore(m.createdAt()))
          .toList(), brandOfCase, now);
    });
  }

  /** Replies whose parent is still not stored wait for it again (a no-op when the batch recorded them). */
  private Future<Void> rememberOrphans(List<Mention> mentions, Instant now) {
    Set<String> parents = new HashSet<>();
    mentions.forEach(m -> {
      String p = ThreadingReads.parentOf(m);
      if (p != null) {
        parents.add(p);
      }
    });
    return stores.mentions().caseIdsOf(parents).compose(stored -> {
      Map<String, OrphanStore.Waiting> waiting = new LinkedHashMap<>();
      for (Mention m : mentions) {
        String p = ThreadingReads.parentOf(m);
        if (p != null && !stored.containsKey(p)) {
          waiting.computeIfAbsent(p, k -> new OrphanStore.Waiting(m.caseId(), new ArrayList<>())).replyIds().add(m.id());
        }
      }
      return stores.mentions().orphans().remember(waiting, now);
    });
  }

  /** Replies that waited for these mentions join their case, and stop waiting. */
  private Future<Void> adoptWaiting(List<Mention> mentions, Instant now) {
    Map<String, String> caseOf = new LinkedHashMap<>();
    mentions.forEach(m -> caseOf.put(m.id(), m.caseId()));
    return stores.mentions().orphans().waitingFor(caseOf.keySet()).compose(waiting -> {
      Set<String> replies = new HashSet<>();
      waiting.values().forEach(w -> replies.addAll(w.replyIds()));
      return stores.mentions().caseIdsOf(replies).compose(replyCases -> {
        List<ThreadMoves.Move> moves = new ArrayList<>();
        waiting.forEach((parent, w) -> w.replyIds().stream().filter(replyCases::containsKey)
            .filter(r -> !replyCases.get(r).equals(caseOf.get(parent)))
            .forEach(r -> moves.add(new ThreadMoves.Move(replyCases.get(r), caseOf.get(parent), List.of(r)))));
        return stores.moves().apply(moves, now);
      }).compose(n -> stores.mentions().orphans().forget(waiting.keySet()));
    });
  }

  private static List<String> idsOfCase(List<Mention> mentions, String caseId) {
    return mentions.stream().filter(m -> caseId.equals(m.caseId())).map(Mention::id).toList();
  }
}
