package io.earshot.sla;

import io.earshot.domain.CareCase;
import io.earshot.domain.SlaClock;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.sla.SlaLifecycle;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.SlaDueStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores what the SLA lifecycle decided for one case and tells it: the watcher's entry first
 * (at the earlier of the old and new next check, so no warning is missed if the case write
 * fails), then the case's clock over the version it was decided on, with
 * {@code case.sla_changed} (and any warning or breach) through the event dispatcher. Fails with
 * {@code StaleWrite} when the case moved on meanwhile.
 */
final class SlaChanges {
  private final CaseStore cases;
  private final SlaDueStore due;
  private final EventDispatcher events;

  SlaChanges(CaseStore cases, SlaDueStore due, EventDispatcher events) {
    this.cases = cases;
    this.due = due;
    this.events = events;
  }

  /** Stores {@code next} for {@code before}, telling {@code alerts} (warnings, breaches) or else a change. */
  Future<CareCase> save(CareCase before, SlaClock next, List<SlaLifecycle.Alert> alerts, Instant at) {
    CareCase after = before.withSla(next);
    List<DomainEvent> told = new ArrayList<>();
    for (SlaLifecycle.Alert a : alerts) {
      told.add(a.breach() ? new DomainEvent.CaseSlaBreached(after, a.kind(), a.dueAt(), at)
          : new DomainEvent.CaseSlaWarning(after, a.kind(), a.dueAt(), at));
    }
    if (told.isEmpty()) {
      told.add(new DomainEvent.CaseSlaChanged(after, at));
    }
    Change change = Change.of(MongoStore.CASES, before.id(), told);
    return due.schedule(before.id(), earlier(SlaLifecycle.nextCheck(before.sla()), SlaLifecycle.nextCheck(next)))
        .compose(v -> events.apply(change, () -> cases.saveSla(after, before.version(), change.id())));
  }

  /** Moves the watcher's entry to when {@code clock} next needs a look (forgets it when never). */
  Future<Void> reschedule(String caseId, SlaClock clock) {
    return due.schedule(caseId, SlaLifecycle.nextCheck(clock));
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
