package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import io.earshot.domain.Triage;
import io.earshot.events.EventEnvelope;
import io.earshot.store.CaseWrite;
import io.earshot.store.ThreadMoves;
import io.earshot.store.MentionStore;
import io.earshot.triage.ScoringInput;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the hot path over a batch of mentions: keyed reads of what threading needs
 * ({@link ThreadingReads}), threading and scoring in memory, then the writes. A batch whose
 * threading must first move stored replies to another case ({@link Threader}) answers
 * {@link BatchOutcome#needsExclusive()} unless it runs alone, then applies the moves and
 * threads again. The insert of the mentions is the commit point: the journal entry and the
 * orphans written before it become durable with it, a mention already stored is a duplicate, and
 * a mention the store refuses is refused alone. A crash after the insert leaves cases and
 * customers behind, which {@link ThreadingRecovery} finishes from the journal.
 */
final class IngestBatch {
  private static final Logger LOG = LoggerFactory.getLogger(IngestBatch.class);
  /** Moves happen only when chains were split; after this many rounds the batch is stored as it threads. */
  private static final int MAX_MOVE_ROUNDS = 3;
  private final IngestStores stores;
  private final Instant now;
  private ThreadingFacts facts = ThreadingFacts.none();

  IngestBatch(IngestStores stores) {
    this.stores = stores;
    this.now = stores.clock().instant();
  }

  /** Threads, scores and stores the mentions; {@code exclusive} when no other batch is in flight. */
  Future<BatchOutcome> store(List<Mention> batch, boolean exclusive) {
    List<Mention> ordered = batch.stream().sorted(Comparator.comparing(Mention::createdAt)).toList();
    return round(ordered, exclusive, 1);
  }

  private Future<BatchOutcome> round(List<Mention> ordered, boolean exclusive, int round) {
    return new ThreadingReads(stores).read(ordered, now.minus(stores.reopenWindow())).compose(read -> {
      facts = read;
      Threader.Result threading = new Threader(read, () -> UUID.randomUUID().toString()).assign(ordered);
      if (threading.moves().isEmpty() || round > MAX_MOVE_ROUNDS) {
        return persist(ordered, threading);
      }
      if (!exclusive) {
        return Future.succeededFuture(BatchOutcome.NEEDS_EXCLUSIVE);
      }
      return move(threading).compose(v -> round(ordered, true, round + 1));
    });
  }

  /** Moves are journaled like a batch, so a crash in the middle is applied again on recovery. */
  private Future<Void> move(Threader.Result threading) {
    String id = UUID.randomUUID().toString();
    return stores.journal().open(id, List.of(), threading.moves(), Map.of(), now)
        .compose(v -> stores.moves().apply(threading.moves(), now))
        .onSuccess(n -> LOG.info("batch={} moved {} mentions to join their chains: {}", id, n, threading.moves()))
        .compose(n -> tellMoves(id, threading.moves()))
        .compose(v -> stores.journal().close(id));
  }

  /** Tells each move with both cases as they are now, so dashboards and listeners see the merge. */
  private Future<Void> tellMoves(String moveId, List<ThreadMoves.Move> moves) {
    Set<String> caseIds = new java.util.HashSet<>();
    moves.forEach(m -> {
      caseIds.add(m.from());
      caseIds.add(m.to());
    });
    return stores.cases().byIds(caseIds).compose(cases -> {
      List<EventEnvelope> events = new ArrayList<>();
      for (int i = 0; i < moves.size(); i++) {
        ThreadMoves.Move m = moves.get(i);
        if (cases.containsKey(m.to()) && cases.containsKey(m.from())) {
          events.add(IngestEvents.moved(moveId, i, cases.get(m.to()), cases.get(m.from()), m.roots(), now));
        }
      }
      return stores.events().deliverDurable(moveId, events);
    });
  }

  private Future<BatchOutcome> persist(List<Mention> ordered, Threader.Result threading) {
    List<Mention> fresh = threadAndScore(ordered, threading.assignments());
    if (fresh.isEmpty()) {
      // Everything was stored before; answer once what was read is durable.
      return stores.mentions().durable().map(v -> BatchOutcome.nothingNew());
    }
    String batchId = UUID.randomUUID().toString();
    return stores.journal().open(batchId, fresh.stream().map(Mention::id).toList(), List.of(),
            brandsOfCases(threading.assignments()), now)
        .compose(v -> stores.mentions().orphans().remember(threading.orphans(), now))
        .compose(v -> stores.mentions().insertNew(fresh))
        .compose(inserted -> finish(batchId, fresh, threading, inserted));
  }

  private List<Mention> threadAndScore(List<Mention> ordered, Map<String, Threader.Assignment> assignments) {
    List<Mention> scored = new ArrayList<>(assignments.size());
    for (Mention m : ordered) {
      Threader.Assignment a = assignments.get(m.id());
      if (a != null) {
        scored.add(m.threaded(a.caseId(), score(m, a), now));
      }
    }
    return scored;
  }

  private Triage score(Mention m, Threader.Assignment a) {
    Customer customer = facts.customers().get(m.customerId());
    boolean vip = customer != null && customer.isVip();
    Duration waiting = Duration.between(m.createdAt(), now);
    return stores.scorer().score(new ScoringInput(m.text(), m.author(), vip, a.priorContacts(),
        waiting.isNegative() ? Duration.ZERO : waiting, null, m.lang()));
  }

  /**
   * The mentions are durable: the offer is answered even if updating their cases fails, since
   * the journal entry stays and recovery finishes the cases. Announcing, forgetting adopted
   * orphans and closing the entry run after the answer.
   */
  private Future<BatchOutcome> finish(String batchId, List<Mention> fresh, Threader.Result threading,
                                      MentionStore.Inserted inserted) {
    List<Mention> stored = fresh.stream().filter(m -> inserted.ids().contains(m.id())).toList();
    List<CaseWrite> writes = caseWrites(stored, threading.assignments());
    BatchOutcome outcome = new BatchOutcome(inserted.ids(), inserted.refused(), false);
    Map<String, String> caseBrands = brandsOfCases(threading.assignments());
    return Future.all(stores.cases().apply(writes, now),
            stores.customers().touch(changedCustomers(stored, caseBrands), caseBrands, now))
        .onSuccess(v -> finishInBackground(batchId, stored, writes))
        .map(outcome)
        .recover(e -> {
          LOG.error("batch={} stored {} mentions but not their cases; recovery will finish them: {}", batchId,
              stored.size(), e.toString());
          return Future.succeededFuture(outcome);
        });
  }

  /** Case id → the case's brand, for every case the batch writes. */
  private static Map<String, String> brandsOfCases(Map<String, Threader.Assignment> assignments) {
    Map<String, String> brands = new LinkedHashMap<>();
    assignments.values().forEach(a -> brands.put(a.caseId(), a.brand()));
    return brands;
  }

  /**
   * The mentions of customers whose stored profile, last seen (a newer post) or current case with a brand would change
   * (all of such a customer's, so their latest profile and each brand's latest case are written);
   * the others need no write.
   */
  private List<Mention> changedCustomers(List<Mention> stored, Map<String, String> caseBrands) {
    Set<String> changed = stored.stream().filter(m -> {
      Customer known = facts.customers().get(m.customerId());
      return known == null || !m.caseId().equals(known.currentCase(caseBrands.get(m.caseId())))
          || known.lastSeen() == null || m.createdAt().isAfter(known.lastSeen())
          || !Objects.equals(known.handle(), m.author().handle()) || !Objects.equals(known.name(), m.author().name())
          || known.followers() != m.author().followers() || known.verified() != m.author().verified();
    }).map(Mention::customerId).collect(Collectors.toSet());
    return stored.stream().filter(m -> changed.contains(m.customerId())).toList();
  }

  private void finishInBackground(String batchId, List<Mention> stored, List<CaseWrite> writes) {
    Set<String> adopted = stored.stream().map(Mention::id).filter(facts.awaited()::containsKey)
        .collect(Collectors.toSet());
    stores.mentions().orphans().forget(adopted)
        .compose(v -> tell(batchId, stored, writes))
        .compose(v -> stores.journal().close(batchId))
        .onFailure(e -> LOG.warn("batch={} stored; telling or closing it failed: {}", batchId, e.toString()));
  }

  private List<CaseWrite> caseWrites(List<Mention> stored, Map<String, Threader.Assignment> assignments) {
    Map<String, List<Mention>> byCase = new LinkedHashMap<>();
    stored.forEach(m -> byCase.computeIfAbsent(m.caseId(), k -> new ArrayList<>()).add(m));
    List<CaseWrite> writes = new ArrayList<>(byCase.size());
    byCase.forEach((caseId, ms) -> {
      Mention latest = ms.get(ms.size() - 1);
      Threader.Assignment a = assignments.get(latest.id());
      writes.add(new CaseWrite(caseId, a.createdCase(), latest, ms.stream().map(Mention::id).toList(), ms.size(),
          priorityOf(caseId, ms, a), a.reopen(), a.brand(), a.previousCaseAt()));
    });
    return writes;
  }

  /** The most urgent of the new mentions, unless the open case already stands higher. */
  private Priority priorityOf(String caseId, List<Mention> ms, Threader.Assignment a) {
    Priority best = ms.stream().map(m -> m.triage().priority())
        .max(Comparator.comparingInt(Priority::value)).orElseThrow();
    CareCase existing = facts.cases().get(caseId);
    boolean keepExisting = existing != null && !a.reopen() && existing.priority().value() > best.value();
    return keepExisting ? existing.priority() : best;
  }

  /**
   * Tells the batch's events. Until they are delivered or parked for the relay the journal entry
   * stays open, so a crash before then has recovery tell them again.
   */
  private Future<Void> tell(String batchId, List<Mention> stored, List<CaseWrite> writes) {
    if (stored.isEmpty()) {
      return Future.succeededFuture();
    }
    return stores.events().deliverDurable(batchId, IngestEvents.of(stored, writes, facts.cases(), now));
  }
}
