package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.DomainEvent.CaseMentionAdded;
import io.earshot.domain.event.DomainEvent.CaseOpened;
import io.earshot.domain.event.DomainEvent.CaseReopened;
import io.earshot.domain.event.DomainEvent.MentionReceived;
import io.earshot.store.CaseWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an ingest batch tells, decided from what it wrote, with no I/O: each new mention, then
 * for each case it touched the case opened, or reopened by the customer and the mention added.
 * Each case event carries the case as the write left it ({@link CaseProjection}).
 */
final class IngestEvents {
  private IngestEvents() {
  }

  static List<DomainEvent> of(List<Mention> stored, List<CaseWrite> writes, Map<String, CareCase> before,
                              Instant now) {
    List<DomainEvent> events = new ArrayList<>(stored.size() + writes.size());
    stored.forEach(m -> events.add(new MentionReceived(m, now)));
    for (CaseWrite w : writes) {
      CareCase was = before.get(w.caseId());
      CareCase after = CaseProjection.apply(was, w, now);
      if (w.created() || was == null) {
        events.add(new CaseOpened(after, w.latest(), now));
        continue;
      }
      if (w.reopen()) {
        CaseStatus from = was.status();
        events.add(new CaseReopened(after, from, now));
      }
      events.add(new CaseMentionAdded(after, w.latest(), now));
    }
    return events;
  }
}
