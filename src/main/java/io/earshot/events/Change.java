package io.earshot.events;

import io.earshot.domain.event.DomainEvent;
import java.util.List;
import java.util.UUID;

/**
 * One durable change about to be written, with the events a lifecycle decided for it:
 * {@code collection}/{@code documentId} name the document the write changes, which must record
 * {@code id} in its {@code changeIds} so a staged change can be confirmed after a crash.
 */
public record Change(String id, String collection, String documentId, List<DomainEvent> events) {
  public Change {
    events = List.copyOf(events);
  }

  public static Change of(String collection, String documentId, List<DomainEvent> events) {
    return new Change(UUID.randomUUID().toString(), collection, documentId, events);
  }

  /** The envelopes of its events; ids are the change id and the event's position, stable on redelivery. */
  public List<EventEnvelope> envelopes() {
    return java.util.stream.IntStream.range(0, events.size())
        .mapToObj(i -> EventCodec.encode(id + "." + i, events.get(i))).toList();
  }
}
