package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides which case each new mention belongs to, with no I/O: a reply joins its parent's case
 * (the parent may be a stored mention, a brand reply, or an earlier mention of the same batch);
 * otherwise the author's most recent case within the reopen window; otherwise a new case. A
 * customer writing into a resolved or pending case reopens it.
 */
final class Threader {
  /** Where one mention goes: its case, and whether that case is new or reopened by it. */
  record Assignment(String caseId, boolean createdCase, boolean reopen, int priorContacts) {
  }

  private final Map<String, String> parentCaseIds;
  private final Map<String, String> orphanCaseIds;
  private final Map<String, CareCase> recentByCustomer;
  private final Map<String, CareCase> knownCases;
  private final Supplier<String> newCaseId;
  private final Map<String, String> batchCaseOfMention = new HashMap<>();
  private final Map<String, String> batchCaseOfCustomer = new HashMap<>();
  private final Map<String, Assignment> byCase = new HashMap<>();

  /**
   * @param parentCaseIds case id by parent mention id ({@code platform:externalId})
   * @param orphanCaseIds for mentions whose replies were stored first, those replies' case by
   *     mention id: the late parent joins its thread
   * @param recentByCustomer each customer's latest case inside the reopen window
   * @param knownCases cases referenced by parents, by id
   */
  Threader(Map<String, String> parentCaseIds, Map<String, String> orphanCaseIds,
           Map<String, CareCase> recentByCustomer, Map<String, CareCase> knownCases, Supplier<String> newCaseId) {
    this.parentCaseIds = parentCaseIds;
    this.orphanCaseIds = orphanCaseIds;
    this.recentByCustomer = recentByCustomer;
    // Every case threading may land in, by id: those parents point at and customers' recent ones.
    this.knownCases = new HashMap<>(knownCases);
    recentByCustomer.values().forEach(c -> this.knownCases.putIfAbsent(c.id(), c));
    this.newCaseId = newCaseId;
  }

  /**
   * Assigns mentions in the order given (callers sort by creation time), except that a parent in
   * the same batch always goes before its replies: X stamps whole seconds and Bluesky often the
   * same millisecond, so a quick reply ties with its parent, and the sort keeps the platforms'
   * newest-first order for ties, which would thread the reply before its parent had a case.
   */
  Map<String, Assignment> assign(List<Mention> mentions) {
    Map<String, Mention> batch = new HashMap<>();
    mentions.forEach(m -> batch.put(m.id(), m));
    Map<String, Assignment> result = new LinkedHashMap<>();
    for (Mention m : mentions) {
      assignWithParents(m, batch, result);
    }
    return result;
  }

  /** Assigns the unassigned ancestors of {@code m} in this batch, oldest first, then {@code m}. */
  private void assignWithParents(Mention m, Map<String, Mention> batch, Map<String, Assignment> result) {
    Deque<Mention> chain = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    // seen stops a reply cycle (possible through the ingest API) from looping forever.
    for (Mention at = m; at != null && !result.containsKey(at.id()) && seen.add(at.id());
         at = parentInBatch(at, batch)) {
      chain.push(at);
    }
    while (!chain.isEmpty()) {
      Mention next = chain.pop();
      Assignment a = assignOne(next);
      batchCaseOfMention.put(next.id(), a.caseId());
      batchCaseOfCustomer.put(next.customerId(), a.caseId());
      result.put(next.id(), a);
    }
  }

  private static Mention parentInBatch(Mention m, Map<String, Mention> batch) {
    return m.inReplyTo() == null ? null : batch.get(Mention.idOf(m.platform(), m.inReplyTo()));
  }

  private Assignment assignOne(Mention m) {
    String caseId = parentCase(m);
    if (caseId == null) {
      caseId = orphanCaseIds.get(m.id());
    }
    if (caseId == null) {
      caseId = batchCaseOfCustomer.get(m.customerId());
    }
    if (caseId == null) {
      CareCase recent = recentByCustomer.get(m.customerId());
      caseId = recent == null ? null : recent.id();
    }
    if (caseId == null) {
      return remember(new Assignment(newCaseId.get(), true, false, 0));
    }
    Assignment earlier = byCase.get(caseId);
    if (earlier != null) {
      return earlier;
    }
    CareCase existing = knownCases.get(caseId);
    boolean reopen = existing != null && (existing.status() == CaseStatus.RESOLVED
        || existing.status() == CaseStatus.PENDING);
    return remember(new Assignment(caseId, existing == null, reopen,
        existing == null ? 0 : existing.mentionCount()));
  }

  private String parentCase(Mention m) {
    if (m.inReplyTo() == null) {
      return null;
    }
    String parentId = Mention.idOf(m.platform(), m.inReplyTo());
    String inBatch = batchCaseOfMention.get(parentId);
    return inBatch != null ? inBatch : parentCaseIds.get(parentId);
  }

  private Assignment remember(Assignment a) {
    byCase.put(a.caseId(), a);
    return a;
  }
}
