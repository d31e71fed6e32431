package io.earshot.find;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.vertx.core.Future;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reindexes a case on every event about it (subject {@code case:<id>}: every
 * {@code DomainEvent.OfCase}, whichever part adds it), on the instance that made the change.
 * Completes when the case is searchable, so the writer's answer comes after its change is in the
 * list. Not durable: the index is a cache, and the catch-up finds what a crash left out.
 */
final class IndexListener implements EventListener {
  static final String CASE_SUBJECT = "case:";
  private static final int REMEMBERED = 10_000;
  private final IndexFeed feed;
  /** Ids of events handled here, so the same events coming back through the live feed are skipped. */
  private final Set<String> handled = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      }));

  IndexListener(IndexFeed feed) {
    this.feed = feed;
  }

  @Override
  public String name() {
    return "inbox-index";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return event.subject() != null && event.subject().startsWith(CASE_SUBJECT);
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    events.forEach(e -> handled.add(e.id()));
    return feed.until(feed.mark(events.stream().map(IndexListener::caseId).distinct().toList()));
  }

  /** Whether an event from the live feed was already handled as it happened here. */
  boolean handledHere(String eventId) {
    return handled.contains(eventId);
  }

  static String caseId(EventEnvelope e) {
    return e.subject().substring(CASE_SUBJECT.length());
  }
}
