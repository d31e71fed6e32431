package io.earshot.store;

import io.earshot.domain.WebhookDelivery;
import io.earshot.domain.WebhookDeliveryState;
import org.bson.Document;

/** Maps {@link WebhookDelivery} to and from its record in {@code webhook_deliveries} (the delivery log). */
final class WebhookDeliveryDocs {
  private WebhookDeliveryDocs() {
  }

  static Document toDoc(WebhookDelivery d) {
    return new Document("_id", d.id()).append("webhookId", d.webhookId()).append("eventId", d.eventId())
        .append("type", d.type()).append("body", d.body()).append("state", d.state().code())
        .append("attempts", d.attempts()).append("lastStatus", d.lastStatus()).append("lastError", d.lastError())
        .append("createdAt", Dates.of(d.createdAt())).append("since", Dates.of(d.since()))
        .append("nextAttemptAt", Dates.of(d.nextAttemptAt())).append("lastAttemptAt", Dates.of(d.lastAttemptAt()))
        .append("deliveredAt", Dates.of(d.deliveredAt())).append("replays", d.replays());
  }

  static WebhookDelivery fromDoc(Document d) {
    return new WebhookDelivery(d.getString("_id"), d.getString("webhookId"), d.getString("eventId"),
        d.getString("type"), d.getString("body"), WebhookDeliveryState.fromCode(d.getString("state")),
        d.getInteger("attempts", 0), d.getInteger("lastStatus"), d.getString("lastError"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("since")), Dates.instant(d.get("nextAttemptAt")),
        Dates.instant(d.get("lastAttemptAt")), Dates.instant(d.get("deliveredAt")), d.getInteger("replays", 0));
  }
}
