package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.store.OrphanStore;
import io.earshot.store.ThreadMoves;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides which case each new mention of a batch belongs to, with no I/O, so that a reply chain
 * is one case whatever order its mentions arrive in. A mention is linked to its parent (a stored
 * mention, a brand reply, an earlier mention of the batch, or a post other replies already wait
 * for) and to the stored replies waiting for it; all the cases so linked become one:
 * <ul>
 *   <li>a case created in this batch gives way to a stored one (a re-sent parent keeps its case,
 *       a late parent joins the replies waiting for it);</li>
 *   <li>two stored cases cannot simply be renamed: the replies waiting for a late parent are
 *       moved to the parent's own case (its stored parent's case wins), a {@link ThreadMoves.Move}
 *       the batch applies before threading again;</li>
 *   <li>a mention linked to nothing joins its author's case with the brand it addresses from
 *       earlier in the batch, else the author's current case with that brand inside the reopen
 *       window (a private message: or their current case with that brand while it is not
 *       resolved, however old), else a new case of that brand. A customer's posts to two brands are two cases;
 *       a reply joins its parent's case whatever brand it addresses (it is that conversation).</li>
 * </ul>
 * A customer writing into a resolved or pending case reopens it.
 */
final class Threader {
  /**
   * Where one mention goes: its case, the case's brand, whether that case is new or reopened by
   * it, and for a new case when the customer's case before it with the brand opened (null: none).
   */
  record Assignment(String caseId, boolean createdCase, boolean reopen, int priorContacts, String brand,
                    Instant previousCaseAt) {
  }

  /** Cases of the new mentions, moves to apply first, and replies left waiting for their parent. */
  record Result(Map<String, Assignment> assignments, List<ThreadMoves.Move> moves,
                Map<String, OrphanStore.Waiting> orphans) {
  }

  private record Side(String caseId, List<String> roots) {
  }

  private final ThreadingFacts facts;
  private final Supplier<String> newCaseId;
  private final Map<String, Map<String, List<String>>> awaited = new HashMap<>();
  private final Map<String, String> caseOfNew = new HashMap<>();
  private final Map<ThreadingFacts.CustomerBrand, String> caseOfCustomer = new HashMap<>();
  /** The brand of each case created in this batch: that of the mention it was created for. */
  private final Map<String, String> createdBrand = new HashMap<>();
  /** When the customer's current case with the brand opened, for each case created in this batch. */
  private final Map<String, Instant> createdAfter = new HashMap<>();
  private final Map<String, String> awaitedInBatch = new HashMap<>();
  private final Map<String, String> alias = new HashMap<>();
  private final Set<String> created = new HashSet<>();
  private final Set<ThreadMoves.Move> moves = new LinkedHashSet<>();

  Threader(ThreadingFacts facts, Supplier<String> newCaseId) {
    this.facts = facts;
    this.newCaseId = newCaseId;
    facts.awaited().forEach((parent, byCase) -> {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      byCase.forEach((c, replies) -> copy.put(c, new ArrayList<>(replies)));
      awaited.put(parent, copy);
    });
  }

  /**
   * Assigns the batch's mentions that are not stored yet, in the order given (callers sort by
   * creation time), except that a parent in the same batch always goes before its replies: X
   * stamps whole seconds and Bluesky often the same millisecond, so a quick reply ties with its
   * parent, and the sort keeps the platforms' newest-first order for ties.
   */
  Result assign(List<Mention> batch) {
    Map<String, Mention> fresh = new LinkedHashMap<>();
    batch.stream().filter(m -> !facts.storedCases().containsKey(m.id())).forEach(m -> fresh.putIfAbsent(m.id(), m));
    linkStored(batch, fresh);
    for (Mention m : fresh.values()) {
      assignWithParents(m, fresh);
    }
    return finish(fresh);
  }

  /**
   * A stored mention sent again still links its chain: its new parent adopts it, and a stored
   * parent in another case means an old split, mended by moving the reply to its parent's case.
   */
  private void linkStored(List<Mention> batch, Map<String, Mention> fresh) {
    Map<String, String> stored = facts.storedCases();
    for (Mention m : batch) {
      String parent = ThreadingReads.parentOf(m);
      String own = stored.get(m.id());
      if (own == null || parent == null) {
        continue;
      }
      if (fresh.containsKey(parent)) {
        awaited.computeIfAbsent(parent, k -> new LinkedHashMap<>()).computeIfAbsent(own, k -> new ArrayList<>())
            .add(m.id());
      } else if (stored.containsKey(parent) && !own.equals(stored.get(parent))) {
        moves.add(new ThreadMoves.Move(own, stored.get(parent), List.of(m.id())));
      }
    }
  }

  /** Assigns the unassigned ancestors of {@code m} in this batch, oldest first, then {@code m}. */
  private void assignWithParents(Mention m, Map<String, Mention> fresh) {
    Deque<Mention> chain = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    // seen stops a reply cycle (possible through the ingest API) from looping forever.
    for (Mention at = m; at != null && !caseOfNew.containsKey(at.id()) && seen.add(at.id());
         at = at.inReplyTo() == null ? null : fresh.get(ThreadingReads.parentOf(at))) {
      chain.push(at);
    }
    while (!chain.isEmpty()) {
      assignOne(chain.pop());
    }
  }

  private void assignOne(Mention m) {
    List<Side> sides = linkedCases(m);
    String chosen = sides.isEmpty() ? byAuthor(m) : find(sides.get(0).caseId());
    for (Side side : sides.subList(Math.min(1, sides.size()), sides.size())) {
      chosen = unify(chosen, side);
    }
    caseOfNew.put(m.id(), chosen);
    caseOfCustomer.put(new ThreadingFacts.CustomerBrand(m.customerId(), brandOfCase(chosen, m)), chosen);
    String parent = ThreadingReads.parentOf(m);
    if (parent != null && !caseOfNew.containsKey(parent) && !facts.storedCases().containsKey(parent)) {
      awaitedInBatch.putIfAbsent(parent, chosen);
    }
  }

  /** The cases {@code m} is linked to by reply links, its parent's side first. */
  private List<Side> linkedCases(Mention m) {
    List<Side> sides = new ArrayList<>();
    String parent = ThreadingReads.parentOf(m);
    if (parent != null) {
      if (caseOfNew.containsKey(parent)) {
        sides.add(new Side(caseOfNew.get(parent), List.of()));
      } else if (facts.storedCases().containsKey(parent)) {
        sides.add(new Side(facts.storedCases().get(parent), List.of()));
      } else {
        if (awaitedInBatch.containsKey(parent)) {
          sides.add(new Side(awaitedInBatch.get(parent), List.of()));
        }
        awaited.getOrDefault(parent, Map.of()).forEach((c, replies) -> sides.add(new Side(c, replies)));
      }
    }
    awaited.getOrDefault(m.id(), Map.of()).forEach((c, replies) -> sides.add(new Side(c, replies)));
    return sides;
  }

  private String byAuthor(Mention m) {
    ThreadingFacts.CustomerBrand key = ThreadingFacts.CustomerBrand.of(m);
    String earlier = caseOfCustomer.get(key);
    if (earlier != null) {
      return find(earlier);
    }
    CareCase recent = facts.recent().get(key);
    if (recent != null) {
      return recent.id();
    }
    CareCase open = facts.current().get(key);
    if (m.isPrivate() && open != null && open.status() != CaseStatus.RESOLVED) {
      return open.id();
    }
    String id = newCaseId.get();
    created.add(id);
    createdBrand.put(id, key.brand());
    if (open != null) {
      createdAfter.put(id, open.createdAt());
    }
    return id;
  }

  /** A stored case keeps its brand; a new one has its first mention's; unknown ones {@code m}'s. */
  private String brandOfCase(String caseId, Mention m) {
    String id = find(caseId);
    CareCase stored = facts.cases().get(id);
    if (stored != null) {
      return stored.brand();
    }
    return createdBrand.getOrDefault(id, ThreadingFacts.brandOf(m));
  }

  /** Makes {@code side}'s case one with {@code chosen}; answers the case that remains. */
  private String unify(String chosen, Side side) {
    String a = find(chosen);
    String b = find(side.caseId());
    if (a.equals(b)) {
      return a;
    }
    if (created.contains(b)) {
      alias.put(b, a);
      return a;
    }
    if (created.contains(a)) {
      alias.put(a, b);
      return b;
    }
    if (!side.roots().isEmpty()) {
      moves.add(new ThreadMoves.Move(b, a, List.copyOf(side.roots())));
    }
    return a;
  }

  private String find(String caseId) {
    String at = caseId;
    while (alias.containsKey(at)) {
      at = alias.get(at);
    }
    return at;
  }

  private Result finish(Map<String, Mention> fresh) {
    Map<String, Assignment> byCase = new HashMap<>();
    Map<String, Assignment> assignments = new LinkedHashMap<>();
    Map<String, OrphanStore.Waiting> orphans = new LinkedHashMap<>();
    for (Mention m : fresh.values()) {
      String caseId = find(caseOfNew.get(m.id()));
      assignments.put(m.id(), byCase.computeIfAbsent(caseId, id -> assignmentTo(id, m)));
      String parent = ThreadingReads.parentOf(m);
      if (parent != null && !fresh.containsKey(parent) && !facts.storedCases().containsKey(parent)) {
        orphans.computeIfAbsent(parent, p -> new OrphanStore.Waiting(caseId, new ArrayList<>())).replyIds().add(m.id());
      }
    }
    return new Result(assignments, List.copyOf(moves), orphans);
  }

  private Assignment assignmentTo(String caseId, Mention first) {
    CareCase existing = facts.cases().get(caseId);
    boolean reopen = existing != null
        && (existing.status() == CaseStatus.RESOLVED || existing.status() == CaseStatus.PENDING);
    return new Assignment(caseId, existing == null, reopen, existing == null ? 0 : existing.mentionCount(),
        brandOfCase(caseId, first), existing == null ? createdAfter.get(caseId) : null);
  }
}
