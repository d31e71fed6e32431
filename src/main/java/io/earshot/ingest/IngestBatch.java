package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import io.earshot.domain.Triage;
import io.earshot.store.CaseWrite;
import io.earshot.triage.ScoringInput;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * One pass of the hot path over a batch of mentions: look up what threading needs (parents,
 * customers and their current cases) in a few keyed bulk reads, thread and score in memory,
 * insert the mentions (the commit point: a mention already stored fails on its key here and
 * counts as a duplicate), then upsert cases and customers in bulk. A crash after the insert
 * leaves mentions unthreaded, which {@link ThreadingRecovery} finishes later.
 */
final class IngestBatch {
  private static final Logger LOG = LoggerFactory.getLogger(IngestBatch.class);
  private final IngestStores stores;
  private final Instant now;
  private final Map<String, CareCase> cases = new HashMap<>();
  private final Map<String, Customer> customers = new HashMap<>();
  private Map<String, String> parentCaseIds = Map.of();
  private Map<String, String> orphanCaseIds = Map.of();
  private Map<String, CareCase> recentByCustomer = Map.of();

  IngestBatch(IngestStores stores) {
    this.stores = stores;
    this.now = stores.clock().instant();
  }

  /** Threads, scores and stores the mentions; answers the ids really inserted (the rest were known). */
  Future<Set<String>> store(List<Mention> fresh) {
    List<Mention> ordered = fresh.stream().sorted(Comparator.comparing(Mention::createdAt)).toList();
    return lookUp(ordered)
        .map(v -> threadAndScore(ordered))
        .compose(this::persist);
  }

  /**
   * Two rounds of keyed reads: parents and customers first, then the cases they point at. Cases
   * are found through the customer's {@code currentCaseId}, never by a query on customer id,
   * which the embedded server could only answer with a scan.
   */
  private Future<Void> lookUp(List<Mention> mentions) {
    Set<String> customerIds = mentions.stream().map(Mention::customerId).collect(Collectors.toSet());
    Future<Map<String, String>> parents = ParentLookup.caseIds(stores, mentions);
    Future<Map<String, Customer>> known = stores.customers().byIds(customerIds);
    Future<Map<String, String>> orphans = stores.mentions().orphanCasesOf(mentions.stream().map(Mention::id).toList());
    return Future.all(parents, known, orphans).compose(all -> {
      parentCaseIds = parents.result();
      orphanCaseIds = orphans.result();
      customers.putAll(known.result());
      Set<String> caseIds = new HashSet<>(parentCaseIds.values());
      caseIds.addAll(orphanCaseIds.values());
      customers.values().forEach(c -> caseIds.add(c.currentCaseId()));
      caseIds.remove(null);
      return stores.cases().byIds(caseIds).map(found -> {
        cases.putAll(found);
        recentByCustomer = recentCases();
        return null;
      });
    });
  }

  private Map<String, CareCase> recentCases() {
    Instant since = now.minus(stores.reopenWindow());
    Map<String, CareCase> recent = new HashMap<>();
    customers.values().forEach(c -> {
      CareCase current = c.currentCaseId() == null ? null : cases.get(c.currentCaseId());
      if (current != null && current.lastMentionAt() != null && !current.lastMentionAt().isBefore(since)) {
        recent.put(c.id(), current);
      }
    });
    return recent;
  }

  private ThreadedBatch threadAndScore(List<Mention> mentions) {
    Threader threader = new Threader(parentCaseIds, orphanCaseIds, recentByCustomer, cases,
        () -> UUID.randomUUID().toString());
    Map<String, Threader.Assignment> assignments = threader.assign(mentions);
    List<Mention> scored = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      Threader.Assignment a = assignments.get(m.id());
      scored.add(m.threaded(a.caseId(), score(m, a), now));
    }
    return new ThreadedBatch(scored, assignments);
  }

  private Triage score(Mention m, Threader.Assignment a) {
    Customer customer = customers.get(m.customerId());
    boolean vip = customer != null && customer.isVip();
    Duration waiting = Duration.between(m.createdAt(), now);
    return stores.scorer().score(new ScoringInput(m.text(), m.author(), vip, a.priorContacts(),
        waiting.isNegative() ? Duration.ZERO : waiting, null, m.lang()));
  }

  /**
   * The offer is answered once mentions, cases and customers are written. A journal entry
   * brackets the writes, so a crash in the middle is found and finished by
   * {@link ThreadingRecovery}; announcing and closing the entry run after the answer.
   */
  private Future<Set<String>> persist(ThreadedBatch batch) {
    String batchId = UUID.randomUUID().toString();
    List<String> ids = batch.mentions().stream().map(Mention::id).toList();
    return stores.journal().open(batchId, ids, now)
        .compose(v -> stores.mentions().insertNew(batch.mentions()))
        .compose(inserted -> {
          List<Mention> stored = batch.mentions().stream().filter(m -> inserted.contains(m.id())).toList();
          List<CaseWrite> writes = caseWrites(stored, batch.assignments());
          return Future.all(stores.cases().apply(writes, now), stores.customers().touch(changedCustomers(stored), now),
                  stores.mentions().rememberOrphans(orphansOf(stored), now))
              .onSuccess(v -> finishInBackground(batchId, stored, writes))
              .map(inserted);
        });
  }

  /** Customers whose stored profile or current case would change; the rest need no write. */
  private List<Mention> changedCustomers(List<Mention> stored) {
    return stored.stream().filter(m -> {
      Customer known = customers.get(m.customerId());
      return known == null || !m.caseId().equals(known.currentCaseId())
          || !Objects.equals(known.handle(), m.author().handle()) || !Objects.equals(known.name(), m.author().name())
          || known.followers() != m.author().followers() || known.verified() != m.author().verified();
    }).toList();
  }

  /** Replies whose parent is neither stored nor in this batch: parent id → the reply's case. */
  private Map<String, String> orphansOf(List<Mention> stored) {
    Set<String> batch = stored.stream().map(Mention::id).collect(Collectors.toSet());
    Map<String, String> orphans = new HashMap<>();
    for (Mention m : stored) {
      String parentId = m.inReplyTo() == null ? null : Mention.idOf(m.platform(), m.inReplyTo());
      if (parentId != null && !parentCaseIds.containsKey(parentId) && !batch.contains(parentId)) {
        orphans.putIfAbsent(parentId, m.caseId());
      }
    }
    return orphans;
  }

  private void finishInBackground(String batchId, List<Mention> stored, List<CaseWrite> writes) {
    stores.mentions().forgetOrphans(stored.stream().map(Mention::id).filter(orphanCaseIds::containsKey).toList())
        .onFailure(e -> LOG.warn("batch={} adopted orphans not forgotten: {}", batchId, e.toString()));
    announce(stored, writes)
        .compose(v -> stores.journal().close(batchId))
        .onFailure(e -> LOG.warn("batch={} stored; announcing or closing it failed: {}", batchId, e.toString()));
  }

  private List<CaseWrite> caseWrites(List<Mention> stored, Map<String, Threader.Assignment> assignments) {
    Map<String, List<Mention>> byCase = new LinkedHashMap<>();
    stored.forEach(m -> byCase.computeIfAbsent(m.caseId(), k -> new ArrayList<>()).add(m));
    List<CaseWrite> writes = new ArrayList<>(byCase.size());
    byCase.forEach((caseId, ms) -> {
      Mention latest = ms.get(ms.size() - 1);
      Threader.Assignment a = assignments.get(latest.id());
      writes.add(new CaseWrite(caseId, a.createdCase(), latest, ms.stream().map(Mention::id).toList(), ms.size(),
          priorityOf(caseId, ms, a), a.reopen()));
    });
    return writes;
  }

  /** The most urgent of the new mentions, unless the open case already stands higher. */
  private Priority priorityOf(String caseId, List<Mention> ms, Threader.Assignment a) {
    Priority best = ms.stream().map(m -> m.triage().priority())
        .max(Comparator.comparingInt(Priority::value)).orElseThrow();
    CareCase existing = cases.get(caseId);
    boolean keepExisting = existing != null && !a.reopen() && existing.priority().value() > best.value();
    return keepExisting ? existing.priority() : best;
  }

  private Future<Void> announce(List<Mention> stored, List<CaseWrite> writes) {
    if (stored.isEmpty()) {
      return Future.succeededFuture();
    }
    List<CareCase> after = writes.stream().map(w -> CaseProjection.apply(cases.get(w.caseId()), w, now)).toList();
    List<String> created = writes.stream().filter(CaseWrite::created).map(CaseWrite::caseId).toList();
    return stores.announcer().batch(stored, after, created);
  }

  private record ThreadedBatch(List<Mention> mentions, Map<String, Threader.Assignment> assignments) {
  }
}
