package io.earshot.problem.detect;

import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.DetectionFactStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The detector's intake on every instance: a durable listener that turns each
 * {@code mention.received} into a {@link Fact} in {@code detection_facts}, whichever instance
 * ingested it, so the one instance that evaluates ({@link DetectionEvaluator}) sees them all.
 * Idempotent by mention id; a failed write has the batch delivered again by the event relay.
 */
public final class DetectionFeed implements EventListener {
  private final DetectionFactStore facts;
  private final Clock clock;

  public DetectionFeed(DetectionFactStore facts, Clock clock) {
    this.facts = facts;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "detection";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return EventType.MENTION_RECEIVED.code().equals(event.type());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    List<Fact> batch = new ArrayList<>();
    for (EventEnvelope e : events) {
      JsonObject m = e.data().getJsonObject("mention");
      if (m != null && m.getString("createdAt") != null) {
        batch.add(fact(m));
      }
    }
    return facts.upsert(batch, clock.instant());
  }

  static Fact fact(JsonObject m) {
    JsonObject triage = m.getJsonObject("triage", new JsonObject());
    List<String> reasons = new ArrayList<>();
    for (Object r : triage.getJsonArray("reasons", new JsonArray())) {
      reasons.add(((JsonObject) r).getString("code"));
    }
    return new Fact(m.getString("id"), m.getString("caseId"), m.getString("brand", "default"), reasons,
        triage.getDouble("sentiment", 0.0), Terms.pairs(phraseText(m)), Instant.parse(m.getString("createdAt")));
  }

  /** A private message counts in volume and sentiment, but its words never become an alert's phrase. */
  private static String phraseText(JsonObject m) {
    return "private".equals(m.getString("visibility")) ? "" : m.getString("text");
  }
}
