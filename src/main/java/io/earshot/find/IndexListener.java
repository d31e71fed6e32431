package io.earshot.find;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.MentionEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
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
  static final String MENTION_RECEIVED = "mention.received";
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
    return isCase(event) || MENTION_RECEIVED.equals(event.type());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    events.forEach(e -> handled.add(e.id()));
    return feed.until(take(feed, events));
  }

  /** Marks the cases of these events and lists their mentions; answers the ticket of the last mark. */
  static long take(IndexFeed feed, List<EventEnvelope> events) {
    List<String> cases = events.stream().filter(IndexListener::isCase).map(IndexListener::caseId).distinct().toList();
    List<MentionEntry> received = events.stream().filter(e -> MENTION_RECEIVED.equals(e.type()))
        .map(IndexListener::mention).filter(java.util.Objects::nonNull).toList();
    long ticket = feed.indexedUpTo();
    if (!received.isEmpty()) {
      ticket = feed.mentions(received);
    }
    if (!cases.isEmpty()) {
      ticket = feed.mark(cases);
    }
    return ticket;
  }

  private static boolean isCase(EventEnvelope e) {
    return e.subject() != null && e.subject().startsWith(CASE_SUBJECT);
  }

  /** The mention of a {@code mention.received} payload (v1: {@code data.mention}); null if it lacks a part. */
  private static MentionEntry mention(EventEnvelope e) {
    JsonObject m = e.data().getJsonObject("mention");
    if (m == null || m.getString("id") == null || m.getString("receivedAt") == null) {
      return null;
    }
    return new MentionEntry(m.getString("id"), m.getString("platform"), Instant.parse(m.getString("receivedAt")));
  }

  /** Whether an event from the live feed was already handled as it happened here. */
  boolean handledHere(String eventId) {
    return handled.contains(eventId);
  }

  static String caseId(EventEnvelope e) {
    return e.subject().substring(CASE_SUBJECT.length());
  }
}
