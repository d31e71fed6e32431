package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<String, CareCase> recentByCustomer;
  private final Map<String, CareCase> knownCases;
  private final Supplier<String> newCaseId;
  private final Map<String, String> batchCaseOfMention = new HashMap<>();
  private final Map<String, String> batchCaseOfCustomer = new HashMap<>();
  private final Map<String, Assignment> byCase = new HashMap<>();

  /**
   * @param parentCaseIds case id by parent mention id ({@code platform:externalId})
   * @param recentByCustomer each customer's latest case inside the reopen window
   * @param knownCases cases referenced by parents, by id
   */
  Threader(Map<String, String> parentCaseIds, Map<String, CareCase> recentByCustomer,
           Map<String, CareCase> knownCases, Supplier<String> newCaseId) {
    this.parentCaseIds = parentCaseIds;
    this.recentByCustomer = recentByCustomer;
    this.knownCases = knownCases;
    this.newCaseId = newCaseId;
  }

  /** Assigns mentions in the order given (callers sort by creation time). */
  Map<String, Assignment> assign(List<Mention> mentions) {
    Map<String, Assignment> result = new LinkedHashMap<>();
    for (Mention m : mentions) {
      Assignment a = assignOne(m);
      batchCaseOfMention.put(m.id(), a.caseId());
      batchCaseOfCustomer.put(m.customerId(), a.caseId());
      result.put(m.id(), a);
    }
    return result;
  }

  private Assignment assignOne(Mention m) {
    String caseId = parentCase(m);
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
    CareCase existing = knownCase(caseId);
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

  private CareCase knownCase(String caseId) {
    CareCase known = knownCases.get(caseId);
    if (known != null) {
      return known;
    }
    return recentByCustomer.values().stream().filter(c -> c.id().equals(caseId)).findFirst().orElse(null);
  }

  private Assignment remember(Assignment a) {
    byCase.put(a.caseId(), a);
    return a;
  }
}
