package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.event.ProblemEvents.ProblemChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.ProblemTimelineStore;
import io.earshot.store.ProblemTimelineStore.Entry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Problem's internal timeline. Notes are written here directly (the note is the entry); every
 * other Problem event becomes an entry through this durable listener, keyed by the event id, so
 * nothing a writer does needs to remember the timeline.
 */
public final class ProblemTimeline implements EventListener {
  public static final int MAX_NOTE = 5000;
  private final ProblemTimelineStore store;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  public ProblemTimeline(ProblemTimelineStore store, EventDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<Entry> note(Problem p, String text, User user) {
    ProblemAccess.mayChange(user);
    if (text == null || text.isBlank() || text.length() > MAX_NOTE) {
      return Future.failedFuture(new DomainError.Invalid("text", "must be a non-empty text of at most " + MAX_NOTE
          + " characters"));
    }
    Instant now = clock.instant();
    Entry entry = new Entry(UUID.randomUUID().toString(), p.id(), now, EventType.PROBLEM_NOTE_ADDED.code(),
        user.username(), text.strip(), List.of());
    Change change = Change.of(ProblemTimelineStore.TIMELINE, entry.id(),
        List.of(new ProblemChanged(EventType.PROBLEM_NOTE_ADDED, p, user.username(), entry.text(), List.of(), now)));
    return dispatcher.apply(change, () -> store.insert(entry, change.id()));
  }

  public Future<List<Entry>> of(String problemId) {
    return store.of(problemId);
  }

  @Override
  public String name() {
    return "problem-timeline";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope e) {
    return e.type().startsWith("problem.") && !e.type().equals(EventType.PROBLEM_NOTE_ADDED.code());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    Future<Void> chain = Future.succeededFuture();
    for (EventEnvelope e : events) {
      JsonObject problem = e.data().getJsonObject("problem", new JsonObject());
      List<String> cases = new ArrayList<>();
      e.data().getJsonArray("caseIds", new JsonArray()).forEach(c -> cases.add((String) c));
      Entry entry = new Entry(e.id(), problem.getString("id"), e.occurredAt(), e.type(), e.actor(), e.summary(), cases);
      chain = chain.compose(v -> store.insert(entry, null).mapEmpty());
    }
    return chain;
  }
}
