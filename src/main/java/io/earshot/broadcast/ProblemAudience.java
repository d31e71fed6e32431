package io.earshot.broadcast;

import io.earshot.domain.CareCase;
import io.earshot.domain.Mention;
import io.earshot.domain.broadcast.NoticeTarget;
import io.earshot.domain.broadcast.ProblemFacts;
import io.earshot.store.CaseStore;
import io.earshot.store.MentionStore;
import io.earshot.store.ProblemReads;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a Problem affects: its linked cases (by key), one target per customer (their newest case,
 * if several are linked), each answering the newest of the customer's own mentions in that case.
 * Futures fail only with the store's errors; an unknown problem has no audience.
 */
public final class ProblemAudience {
  private final ProblemReads problems;
  private final CaseStore cases;
  private final MentionStore mentions;

  public ProblemAudience(ProblemReads problems, CaseStore cases, MentionStore mentions) {
    this.problems = problems;
    this.cases = cases;
    this.mentions = mentions;
  }

  public Future<ProblemFacts> problem(String problemId) {
    return problems.get(problemId);
  }

  /** The customers to notify about {@code problemId}, in the order their cases were linked. */
  public Future<List<NoticeTarget>> targets(String problemId) {
    return problems.get(problemId).compose(p -> p == null ? Future.succeededFuture(List.of())
        : newestCasePerCustomer(p.caseIds()).compose(this::withTargets));
  }

  private Future<List<CareCase>> newestCasePerCustomer(List<String> caseIds) {
    return cases.byIds(caseIds).map(found -> {
      Map<String, CareCase> byCustomer = new LinkedHashMap<>();
      for (String id : caseIds) {
        CareCase c = found.get(id);
        if (c == null || c.customerId() == null) {
          continue;
        }
        byCustomer.merge(c.customerId(), c, (a, b) -> newer(a, b));
      }
      return new ArrayList<>(byCustomer.values());
    });
  }

  private static CareCase newer(CareCase a, CareCase b) {
    Comparator<CareCase> byLast = Comparator.comparing(CareCase::lastMentionAt,
        Comparator.nullsFirst(Comparator.naturalOrder()));
    return byLast.compare(a, b) >= 0 ? a : b;
  }

  private Future<List<NoticeTarget>> withTargets(List<CareCase> linked) {
    List<Future<NoticeTarget>> reads = linked.stream().map(this::target).toList();
    return Future.all(reads).map(all -> reads.stream().map(Future::result).toList());
  }

  private Future<NoticeTarget> target(CareCase c) {
    return cases.getWithThread(c.id()).compose(t -> mentions.byIds(t == null ? List.of() : t.mentionIds()))
        .map(thread -> {
          // A notice is public text: it answers the customer's newest public post, and answers a
          // private message (as a public post naming them, never a reply to it) only when there is none.
          Mention newest = thread.stream().filter(m -> c.customerId().equals(m.customerId()))
              .max(Comparator.comparing((Mention m) -> !m.isPrivate()).thenComparing(Mention::createdAt)).orElse(null);
          return new NoticeTarget(c.customerId(), c.customerHandle(), c.id(), c.platform(), c.account(),
              newest == null ? null : newest.externalId());
        });
  }
}
