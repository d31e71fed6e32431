package io.earshot.assign;

import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.AssignedAtStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Remembers when each case went to its assignee, from {@code case.assigned}: the start of the
 * "waiting untouched" time that {@code reassignAfterMinutes} measures. Durable, and idempotent (a
 * redelivery writes the same values).
 */
public final class AssignmentClock implements EventListener {
  private final AssignedAtStore store;

  public AssignmentClock(AssignedAtStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "assignment-clock";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return EventType.CASE_ASSIGNED.code().equals(event.type());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    Future<Void> done = Future.succeededFuture();
    for (EventEnvelope e : events) {
      JsonObject careCase = e.data().getJsonObject("case", new JsonObject());
      done = done.compose(v -> store.record(careCase.getString("id"), e.data().getString("to"), e.occurredAt()));
    }
    return done;
  }
}
