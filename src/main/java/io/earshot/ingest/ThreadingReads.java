package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.store.OrphanStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what threading a batch needs, in a few keyed bulk reads and never a scan (the embedded
 * server has only {@code _id} and unique indexes): which of the posts the batch answers are
 * stored (in the batch or not: a re-sent parent keeps its stored case), and in which case; the
 * brand's own posts it answers; replies waiting for any of its mentions or their parents; the
 * authors; then the cases all of these point at. Cases are found through the customer's current
 * case with the brand each mention addresses ({@code currentCases}), never by a query on
 * customer id. Whether the other mentions are stored
 * is not read: their insert answers it, for free (a duplicate loses on its key).
 */
final class ThreadingReads {
  private final IngestStores stores;

  ThreadingReads(IngestStores stores) {
    this.stores = stores;
  }

  Future<ThreadingFacts> read(List<Mention> batch, Instant recentSince) {
    Set<String> ids = batch.stream().map(Mention::id).collect(Collectors.toCollection(HashSet::new));
    Set<String> parentIds = batch.stream().map(ThreadingReads::parentOf).filter(p -> p != null).collect(Collectors.toSet());
    Set<String> linked = new HashSet<>(ids);
    linked.addAll(parentIds);
    Future<Map<String, String>> stored = stores.mentions().caseIdsOf(parentIds);
    Future<Map<String, String>> brand = brandPosts(batch);
    Future<Map<String, Customer>> customers = stores.customers().byIds(
        batch.stream().map(Mention::customerId).collect(Collectors.toSet()));
    Future<Map<String, OrphanStore.Waiting>> waiting = stores.mentions().orphans().waitingFor(linked);
    return Future.all(stored, brand, customers, waiting)
        .compose(v -> awaited(waiting.result()))
        .compose(awaited -> {
          Map<String, String> storedCases = new HashMap<>(brand.result());
          storedCases.putAll(stored.result());
          return withCases(batch, storedCases, awaited, customers.result(), recentSince);
        });
  }

  /**
   * Where the replies waiting for each post really are: normally the case recorded with them,
   * but read from the replies themselves, so a chain split earlier (by a crash, or by a version
   * without this repair) is seen and mended.
   */
  private Future<Map<String, Map<String, List<String>>>> awaited(Map<String, OrphanStore.Waiting> waiting) {
    if (waiting.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Set<String> replies = new HashSet<>();
    waiting.values().forEach(w -> replies.addAll(w.replyIds()));
    return stores.mentions().caseIdsOf(replies).map(replyCases -> {
      Map<String, Map<String, List<String>>> awaited = new HashMap<>();
      waiting.forEach((parentId, w) -> {
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        w.replyIds().stream().filter(replyCases::containsKey)
            .forEach(r -> byCase.computeIfAbsent(replyCases.get(r), k -> new ArrayList<>()).add(r));
        if (byCase.isEmpty()) {
          byCase.put(w.caseId(), List.of());
        }
        awaited.put(parentId, byCase);
      });
      return awaited;
    });
  }

  private Future<ThreadingFacts> withCases(List<Mention> batch, Map<String, String> storedCases,
                                           Map<String, Map<String, List<String>>> awaited,
                                           Map<String, Customer> customers, Instant recentSince) {
    Map<ThreadingFacts.CustomerBrand, String> current = currentCases(batch, customers);
    Set<String> caseIds = new HashSet<>(storedCases.values());
    awaited.values().forEach(byCase -> caseIds.addAll(byCase.keySet()));
    caseIds.addAll(current.values());
    return stores.cases().byIds(caseIds).map(cases -> new ThreadingFacts(storedCases, awaited, customers, cases,
        recent(current, cases, recentSince), recent(current, cases, null)));
  }

  /** Each author's current case with the brand their mention addresses, where they have one. */
  private static Map<ThreadingFacts.CustomerBrand, String> currentCases(List<Mention> batch,
                                                                         Map<String, Customer> customers) {
    Map<ThreadingFacts.CustomerBrand, String> current = new HashMap<>();
    for (Mention m : batch) {
      Customer c = customers.get(m.customerId());
      ThreadingFacts.CustomerBrand key = ThreadingFacts.CustomerBrand.of(m);
      if (c != null && c.currentCase(key.brand()) != null) {
        current.put(key, c.currentCase(key.brand()));
      }
    }
    return current;
  }

  /** The current cases last written to at or after {@code since}; every one when it is null. */
  private static Map<ThreadingFacts.CustomerBrand, CareCase> recent(Map<ThreadingFacts.CustomerBrand, String> current,
                                                                    Map<String, CareCase> cases, Instant since) {
    Map<ThreadingFacts.CustomerBrand, CareCase> recent = new HashMap<>();
    current.forEach((key, caseId) -> {
      CareCase c = cases.get(caseId);
      if (c != null && (since == null || c.lastMentionAt() != null && !c.lastMentionAt().isBefore(since))) {
        recent.put(key, c);
      }
    });
    return recent;
  }

  /** Case ids of the brand's own posts the batch answers, by parent mention id. */
  private Future<Map<String, String>> brandPosts(List<Mention> batch) {
    Map<String, Set<String>> externalByPlatform = batch.stream().filter(m -> m.inReplyTo() != null)
        .collect(Collectors.groupingBy(m -> m.platform().code(), Collectors.mapping(Mention::inReplyTo, Collectors.toSet())));
    List<Future<Map<String, String>>> reads = new ArrayList<>();
    externalByPlatform.forEach((platform, externalIds) -> reads.add(stores.replies()
        .caseIdsOfExternal(platform, externalIds).map(found -> prefixed(platform, found))));
    return Future.all(reads).map(all -> {
      Map<String, String> merged = new HashMap<>();
      reads.forEach(f -> merged.putAll(f.result()));
      return merged;
    });
  }

  private static Map<String, String> prefixed(String platform, Map<String, String> byExternalId) {
    Map<String, String> result = new HashMap<>();
    byExternalId.forEach((externalId, caseId) -> result.put(platform + ":" + externalId, caseId));
    return result;
  }

  static String parentOf(Mention m) {
    return m.inReplyTo() == null ? null : Mention.idOf(m.platform(), m.inReplyTo());
  }
}
