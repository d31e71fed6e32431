package io.earshot.events;

import io.vertx.core.Future;
import java.util.List;

/**
 * Something that reacts to events: the live fan-out, the audit log, webhooks, reporting,
 * automation. It subscribes by type ({@link #accepts}); adding one never touches a writer.
 * A {@link #durable()} listener receives every recorded event at least once, across crashes,
 * and must therefore be idempotent by {@link EventEnvelope#id()}; its Future fails to have the
 * batch delivered again later. A non-durable one gets what happens while it runs, best effort.
 */
public interface EventListener {
  /** A stable name: the event queue records which listeners a change was delivered to by it. */
  String name();

  boolean durable();

  boolean accepts(EventEnvelope event);

  /** Handles the accepted events of one change, in the order they happened. */
  Future<Void> handle(List<EventEnvelope> events);
}
