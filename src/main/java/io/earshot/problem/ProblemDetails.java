package io.earshot.problem;

import io.earshot.domain.CareCase;
import io.earshot.store.CaseStore;
import io.earshot.store.DepartmentStore;
import io.earshot.store.ProblemCaseReads;
import io.earshot.store.ProblemTimelineStore.Entry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the Problem page shows: linked cases, affected customers per platform, volume over
 * time (linked cases per hour they were opened), the timeline, the owning department, and the
 * avoidable contacts: every linked case counts as one the Problem caused; once it is resolved,
 * the contacts that stopped are the cases of its signature (same brand, one of its reasons)
 * opened in the span before resolution minus those opened in an equally long span after it (the
 * span: the time since resolution, at most seven days).
 */
public final class ProblemDetails {
  private static final Duration MAX_SPAN = Duration.ofDays(7);
  private final CaseStore cases;
  private final ProblemCaseReads reads;
  private final DepartmentStore departments;
  private final ProblemTimeline timeline;
  private final Clock clock;

  /** Contacts caused and, after resolution, stopped (null before). */
  public record Avoidable(int caused, Integer before, Integer after, Integer stopped, Duration span) {
  }

  public record Detail(Problem problem, List<CareCase> cases, Department department, List<Entry> timeline,
                       Map<String, Integer> affectedCustomers, Map<Instant, Integer> volume, Avoidable avoidable) {
  }

  public ProblemDetails(CaseStore cases, ProblemCaseReads reads, DepartmentStore departments, ProblemTimeline timeline,
                        Clock clock) {
    this.cases = cases;
    this.reads = reads;
    this.departments = departments;
    this.timeline = timeline;
    this.clock = clock;
  }

  public Future<Detail> of(Problem p) {
    return cases.byIds(p.caseIds()).compose(found -> {
      List<CareCase> linked = p.caseIds().stream().map(found::get).filter(c -> c != null).toList();
      return departments.get(p.department()).compose(d -> timeline.of(p.id())
          .compose(entries -> avoidable(p, signature(p, linked)).map(a -> new Detail(p, linked, d, entries, affected(linked),
              volume(linked), a))));
    });
  }

  private static Map<String, Integer> affected(List<CareCase> linked) {
    Map<String, Set<String>> customers = new TreeMap<>();
    linked.forEach(c -> customers.computeIfAbsent(c.platform().code(), k -> new HashSet<>()).add(c.customerId()));
    Map<String, Integer> counts = new TreeMap<>();
    customers.forEach((platform, ids) -> counts.put(platform, ids.size()));
    return counts;
  }

  private static Map<Instant, Integer> volume(List<CareCase> linked) {
    Map<Instant, Integer> perHour = new TreeMap<>();
    linked.forEach(c -> perHour.merge(c.createdAt().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum));
    return perHour;
  }

  /** The Problem's reasons, else the most common first reason of its cases. */
  static Set<String> signature(Problem p, List<CareCase> linked) {
    if (!p.reasons().isEmpty()) {
      return Set.copyOf(p.reasons());
    }
    Map<String, Integer> counts = new HashMap<>();
    // A case's first reason is its strongest topic; speech acts (complaint, question) come after.
    linked.stream().filter(c -> c.triage() != null && !c.triage().reasonCodes().isEmpty())
        .forEach(c -> counts.merge(c.triage().reasonCodes().get(0), 1, Integer::sum));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> Set.of(e.getKey())).orElse(Set.of());
  }

  private Future<Avoidable> avoidable(Problem p, Set<String> reasons) {
    int caused = p.caseIds().size();
    if (p.resolvedAt() == null || reasons.isEmpty()) {
      return Future.succeededFuture(new Avoidable(caused, null, null, null, null));
    }
    Instant resolved = p.resolvedAt();
    Duration span = Duration.between(resolved, clock.instant());
    span = span.compareTo(MAX_SPAN) > 0 ? MAX_SPAN : span.isNegative() ? Duration.ZERO : span;
    Duration s = span;
    return reads.openedBetween(p.brand(), resolved.minus(s), resolved.plus(s), 100_000).map(around -> {
      Map<Boolean, Integer> counts = new HashMap<>(Map.of(true, 0, false, 0));
      around.stream().filter(c -> c.triage() != null && c.triage().reasonCodes().stream().anyMatch(reasons::contains))
          .forEach(c -> counts.merge(c.createdAt().isBefore(resolved), 1, Integer::sum));
      int before = counts.get(true);
      int after = counts.get(false);
      return new Avoidable(caused, before, after, Math.max(0, before - after), s);
    });
  }
}
