package io.earshot.domain;

import io.earshot.domain.event.DomainEvent;
import java.util.List;

/**
 * What a lifecycle decided: the record's new state and the events the change causes. No events
 * means nothing changed, and a writer then stores nothing.
 */
public record Decision<T>(T state, List<DomainEvent> events) {
  public Decision {
    events = List.copyOf(events);
  }

  public static <T> Decision<T> unchanged(T state) {
    return new Decision<>(state, List.of());
  }

  /** This decision followed by {@code next} on its state: the last state, all the events in order. */
  public Decision<T> then(java.util.function.Function<T, Decision<T>> next) {
    Decision<T> after = next.apply(state);
    List<DomainEvent> all = new java.util.ArrayList<>(events);
    all.addAll(after.events());
    return new Decision<>(after.state(), all);
  }

  public boolean changed() {
    return !events.isEmpty();
  }
}
