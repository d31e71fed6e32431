package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.Mention;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.CaseEvents.CaseMentionAdded;
import io.earshot.domain.event.CaseEvents.CaseMentionsMoved;
import io.earshot.domain.event.CaseEvents.CaseOpened;
import io.earshot.domain.event.CaseEvents.CaseReopened;
import io.earshot.domain.event.MentionEvents.MentionReceived;
import io.earshot.events.EventCodec;
import io.earshot.events.EventEnvelope;
import io.earshot.store.CaseWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ingest tells, decided from what it wrote, with no I/O: each new mention, then for each
 * case it touched the case opened, or reopened by the customer and the mention added. Each case
 * event carries the case as the write left it ({@link CaseProjection}). Event ids come from what
 * the events are about (the mention, the case), not from the batch, so recovery telling a cut
 * batch again gives every event the id it had, and listeners deduplicate them.
 */
final class IngestEvents {
  private IngestEvents() {
  }

  /** The events of a batch that stored {@code stored} through {@code writes} over the cases as read. */
  static List<EventEnvelope> of(List<Mention> stored, List<CaseWrite> writes, Map<String, CareCase> before,
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
        events.add(new CaseReopened(after, was.status(), now));
      }
      events.add(new CaseMentionAdded(after, w.latest(), now));
    }
    return encode(events);
  }

  /**
   * The events of a batch a crash cut, told again by recovery from what is stored: the mentions,
   * and per case its opening when this batch opened it (its {@code createdAt} is the batch's
   * start), else the mention added. A reopening cannot be told apart afterwards and is told as
   * the mention added.
   */
  static List<EventEnvelope> recovered(List<Mention> stored, Map<String, CareCase> cases, Instant batchStart,
                                       Instant now) {
    List<DomainEvent> events = new ArrayList<>();
    stored.forEach(m -> events.add(new MentionReceived(m, now)));
    Map<String, Mention> latest = new LinkedHashMap<>();
    stored.stream().sorted(Comparator.comparing(Mention::createdAt)).forEach(m -> latest.put(m.caseId(), m));
    latest.forEach((caseId, m) -> {
      CareCase c = cases.get(caseId);
      if (c != null) {
        events.add(batchStart.equals(c.createdAt()) ? new CaseOpened(c, m, now) : new CaseMentionAdded(c, m, now));
      }
    });
    return encode(events);
  }

  /** A split chain moved into {@code to} from {@code from}; the id names the moving batch. */
  static EventEnvelope moved(String moveId, int index, CareCase to, CareCase from, List<String> roots, Instant now) {
    return EventCodec.encode("case.mentions_moved/" + moveId + "/" + index, new CaseMentionsMoved(to, from, roots, now));
  }

  private static List<EventEnvelope> encode(List<DomainEvent> events) {
    return events.stream().map(e -> EventCodec.encode(idOf(e), e)).toList();
  }

  private static String idOf(DomainEvent e) {
    if (e instanceof MentionReceived m) {
      return "mention.received/" + m.mention().id();
    }
    if (e instanceof CaseOpened o) {
      return "case.opened/" + o.careCase().id();
    }
    if (e instanceof CaseReopened r) {
      return "case.reopened/" + r.careCase().id() + "/" + r.careCase().lastMentionAt();
    }
    CaseMentionAdded a = (CaseMentionAdded) e;
    return "case.mention_added/" + a.careCase().id() + "/" + a.mention().id();
  }
}
