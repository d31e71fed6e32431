package io.earshot.live;

import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications as a listener: an event that concerns particular users becomes a live message
 * addressed to them ({@code {"type":"notification","to":[usernames],"data":{"kind",…}}}), which
 * {@link LiveBus} hands only to those users' sockets on every instance. Today: the users a note
 * mentions ({@code kind: "note.mention"}; the author is not told of their own note). Best effort,
 * like the rest of the live feed: the note itself is durable and shown in the case.
 */
public final class LiveNotices implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveNotices.class);
  private final LiveBus bus;

  public LiveNotices(LiveBus bus) {
    this.bus = bus;
  }

  @Override
  public String name() {
    return "live-notices";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return event.type().equals(EventType.CASE_NOTED.code());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    List<JsonObject> messages = events.stream().map(LiveNotices::noteMention).filter(m -> m != null).toList();
    return bus.publish(messages).recover(e -> {
      LOG.warn("notifications not fanned out ({} messages): {}", messages.size(), e.getMessage());
      return Future.succeededFuture();
    });
  }

  private static JsonObject noteMention(EventEnvelope e) {
    JsonObject note = e.data().getJsonObject("note");
    JsonObject careCase = e.data().getJsonObject("case", new JsonObject());
    JsonArray to = new JsonArray();
    note.getJsonArray("mentions", new JsonArray()).forEach(u -> {
      if (!u.equals(note.getString("author"))) {
        to.add(u);
      }
    });
    if (to.isEmpty()) {
      return null;
    }
    JsonObject data = new JsonObject().put("kind", "note.mention").put("caseId", note.getString("caseId"))
        .put("noteId", note.getString("id")).put("author", note.getString("author")).put("text", note.getString("text"))
        .put("subject", careCase.getString("subject")).put("customer", careCase.getJsonObject("customer"));
    return new JsonObject().put("v", EventEnvelope.VERSION).put("id", e.id() + "/notice")
        .put("type", LiveFeed.NOTIFICATION).put("occurredAt", e.occurredAt().toString()).put("to", to).put("data", data);
  }
}
