package io.earshot.domain.event;

import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorStatus;
import java.time.Instant;

/**
 * Connector accounts: status, budget warnings, switched on or off.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface ConnectorEvents permits DomainEvent {
  record ConnectorStatusChanged(ConnectorStatus status, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_STATUS_CHANGED;
    }

    public String actor() {
      return "system:connector";
    }

    public String subject() {
      return "connector:" + status.account();
    }
  }

  /**
   * A connector account crossed its budget's warning fraction or exhausted a limit; told once per
   * level and period, whichever instance spent the crossing amount.
   */
  record ConnectorBudgetWarning(String account, String platform, ConnectorSpend spend, Instant at)
      implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_BUDGET_WARNING;
    }

    public String actor() {
      return "system:connector";
    }

    public String subject() {
      return "connector:" + account;
    }
  }

  /** An admin switched a connector account's polling on or off ({@code before} → {@code enabled}). */
  record ConnectorEnabledChanged(String account, boolean before, boolean enabled, String actor, Instant at)
      implements DomainEvent {
    public EventType type() {
      return EventType.CONNECTOR_ENABLED_CHANGED;
    }

    public String subject() {
      return "connector:" + account;
    }
  }
}
