package io.earshot.audit;

import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.AuditLog;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/**
 * The audit log as a listener: who did what to which record, and when, for every recorded change
 * but those the ingest pipeline makes once per stored mention (the mentions and cases themselves
 * record those, and auditing them would double the hot path's writes). Durable: an entry's id is
 * its event's id, so a redelivered event is recorded once. Each entry keeps its event's payload:
 * the record after the change and, where the event carries it, what it was before ({@code from},
 * an approval's {@code submittedText}), so the viewer shows what changed without inventing it.
 */
public final class AuditTrail implements EventListener {
  private static final Set<String> NOT_AUDITED = Set.of(EventType.MENTION_RECEIVED.code(),
      EventType.CASE_MENTION_ADDED.code(), EventType.CASE_OPENED.code(), EventType.CASE_SLA_CHANGED.code());
  private final AuditLog log;

  public AuditTrail(AuditLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return !NOT_AUDITED.contains(event.type());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    return log.recordAll(events.stream().map(e -> new AuditLog.Entry(e.id(), e.occurredAt(), e.actor(), e.type(),
        e.subject(), e.summary(), e.data() == null ? null : e.data().encode())).toList());
  }
}
