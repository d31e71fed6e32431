package io.earshot.domain.event;

import io.earshot.domain.CareCase;
import java.time.Instant;

/**
 * SLA clocks of cases and the SLA policy.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface SlaEvents permits DomainEvent {
  record SlaPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.SLA_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:sla";
    }
  }

  /** The case's SLA clocks moved (started, paused, resumed, met, stopped); the case carries them. */
  record CaseSlaChanged(CareCase careCase, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_SLA_CHANGED;
    }

    public String actor() {
      return SLA;
    }
  }

  /** A running SLA target of the case used its warning share; told once per target. */
  record CaseSlaWarning(CareCase careCase, io.earshot.domain.SlaClock.Kind target, Instant dueAt, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_SLA_WARNING;
    }

    public String actor() {
      return SLA;
    }
  }

  /** A running SLA target of the case passed its due time unmet; told once per target. */
  record CaseSlaBreached(CareCase careCase, io.earshot.domain.SlaClock.Kind target, Instant dueAt, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_SLA_BREACHED;
    }

    public String actor() {
      return SLA;
    }
  }
}
