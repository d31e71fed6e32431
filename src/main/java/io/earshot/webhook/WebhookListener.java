package io.earshot.webhook;

import io.earshot.domain.Webhook;
import io.earshot.domain.WebhookDelivery;
import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.WebhookDeliveryStore;
import io.earshot.store.WebhookStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing webhooks as a durable listener: for every recorded event an enabled endpoint subscribes
 * to, a delivery is written to the webhook outbox, carrying the event's versioned wire form as its
 * body, and the deliverer is woken. Idempotent by event id: a delivery's id is derived from
 * endpoint and event, so an event handed over again writes nothing new. Its Future fails when the
 * outbox cannot be written, and the event relay then hands the events over again later.
 */
final class WebhookListener implements EventListener {
  private final WebhookStore webhooks;
  private final WebhookDeliveryStore deliveries;
  private final WebhookDeliverer deliverer;
  private final Clock clock;

  WebhookListener(WebhookStore webhooks, WebhookDeliveryStore deliveries, WebhookDeliverer deliverer, Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.deliverer = deliverer;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return EventType.fromCode(event.type()).map(EventType::recorded).orElse(false);
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    // Endpoints are read for every change, not cached: one registered on another instance a
    // moment ago gets the events that follow it.
    return webhooks.enabled().compose(endpoints -> deliveries.insertNew(deliveriesOf(endpoints, events)))
        .map(created -> {
          if (created > 0) {
            deliverer.wake();
          }
          return null;
        });
  }

  private List<WebhookDelivery> deliveriesOf(List<Webhook> endpoints, List<EventEnvelope> events) {
    Instant now = clock.instant();
    List<WebhookDelivery> due = new ArrayList<>();
    for (EventEnvelope event : events) {
      List<Webhook> subscribed = endpoints.stream().filter(w -> w.subscribes(event.type())).toList();
      if (subscribed.isEmpty()) {
        continue;
      }
      String body = event.toJson().encode();
      subscribed.forEach(w -> due.add(WebhookDelivery.of(w.id(), event.id(), event.type(), body, now)));
    }
    return due;
  }
}
