package io.earshot.find;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.store.CaseStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cases waiting for the brand (new or open), least recently changed first: what the priority
 * refresher (every minute) and the auto-assigner (every round) work through. The order and the
 * candidates come from the inbox index, the cases themselves from MongoDB by {@code _id}. On the
 * embedded server the same question asked of {@code cases} ({@link CaseStore#waiting}) is a scan
 * that holds the collection's lock for seconds at 100,000 mentions, and every list and open waits
 * behind it; a real MongoDB would answer it from an index, and this path is as right there (the
 * index follows every instance's changes within milliseconds, and the catch-up within a second).
 * A case the index still holds as waiting but MongoDB no longer does is left out; one that has
 * just started waiting and is not yet searchable is in the next round. Futures fail with the
 * store's errors.
 */
public final class WaitingCases {
  private static final List<String> WAITING = List.of(CaseStatus.NEW.code(), CaseStatus.OPEN.code());
  private final Ids index;
  private final CaseStore cases;

  /** Where the candidates' ids come from: {@link Finder#leastRecentlyChanged}. */
  @FunctionalInterface
  public interface Ids {
    Future<List<String>> leastRecentlyChanged(List<String> statuses, int limit);
  }

  public WaitingCases(Ids index, CaseStore cases) {
    this.index = index;
    this.cases = cases;
  }

  /** At most {@code limit} new or open cases, least recently changed first, as MongoDB holds them now. */
  public Future<List<CareCase>> oldestChangedFirst(int limit) {
    return index.leastRecentlyChanged(WAITING, limit).compose(ids -> cases.byIds(ids).map(found -> stillWaiting(ids, found)));
  }

  private static List<CareCase> stillWaiting(List<String> ids, Map<String, CareCase> found) {
    List<CareCase> waiting = new ArrayList<>(ids.size());
    for (String id : ids) {
      CareCase c = found.get(id);
      if (c != null && WAITING.contains(c.status().code())) {
        waiting.add(c);
      }
    }
    return waiting;
  }
}
