package io.earshot.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A domain event as it travels: to listeners, through Redis to every instance's dashboards, in
 * the durable event queue, and to webhook receivers. {@code id} is stable across redelivery, so
 * receivers deduplicate by it; {@code data} is the versioned payload ({@link EventPayloads},
 * documented in {@code docs/EVENTS.md}); {@code summary} is one human line for the audit log.
 */
public record EventEnvelope(String id, String type, Instant occurredAt, String actor, String subject,
                            String summary, JsonObject data) {
  /** The payload version carried by every envelope as {@code "v"}. */
  public static final int VERSION = 1;

  /** The wire form: {@code {"v","id","type","occurredAt","actor","subject","data"}}. */
  public JsonObject toJson() {
    return new JsonObject().put("v", VERSION).put("id", id).put("type", type)
        .put("occurredAt", occurredAt.toString()).put("actor", actor).put("subject", subject)
        .put("summary", summary).put("data", data);
  }

  public static EventEnvelope fromJson(JsonObject json) {
    return new EventEnvelope(json.getString("id"), json.getString("type"),
        Instant.parse(json.getString("occurredAt")), json.getString("actor"), json.getString("subject"),
        json.getString("summary"), json.getJsonObject("data", new JsonObject()));
  }
}
