package io.earshot.webhook;

import io.earshot.domain.Decision;
import io.earshot.domain.Webhook;
import io.earshot.domain.WebhookDelivery;
import io.earshot.domain.WebhookDeliveryState;
import io.earshot.domain.WebhookLifecycle;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.Page;
import io.earshot.store.StaleWrite;
import io.earshot.store.WebhookDeliveryStore;
import io.earshot.store.WebhookStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What an admin does with webhook endpoints: register, list, change, delete, read the delivery
 * log and replay a delivery. Changes are decided by {@link WebhookLifecycle}, stored on the version
 * they were decided on and told through the event dispatcher (so they are audited). Callers check
 * the actor's role. Futures fail with {@link DomainError.NotFound}, {@code Invalid} or
 * {@code Conflict}.
 */
public final class WebhookService {
  private static final int ATTEMPTS = 4;
  private final WebhookStore webhooks;
  private final WebhookDeliveryStore deliveries;
  private final EventDispatcher events;
  private final WebhookDeliverer deliverer;
  private final Clock clock;

  WebhookService(WebhookStore webhooks, WebhookDeliveryStore deliveries, EventDispatcher events,
                 WebhookDeliverer deliverer, Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.events = events;
    this.deliverer = deliverer;
    this.clock = clock;
  }

  public Future<List<Webhook>> list() {
    return webhooks.list();
  }

  public Future<Webhook> get(String id) {
    return webhooks.get(id).compose(w -> w == null
        ? Future.failedFuture(new DomainError.NotFound("no webhook " + id)) : Future.succeededFuture(w));
  }

  public Future<Webhook> create(WebhookLifecycle.Draft draft, String actor) {
    String id = UUID.randomUUID().toString();
    return Future.succeededFuture(draft).map(d -> WebhookLifecycle.create(id, d, actor, clock.instant()))
        .compose(decision -> {
          Change change = Change.of(MongoStore.WEBHOOKS, id, decision.events());
          return events.apply(change, () -> webhooks.insert(decision.state(), change.id()));
        });
  }

  public Future<Webhook> update(String id, WebhookLifecycle.Patch patch, String actor) {
    return contended(id, () -> get(id).compose(w ->
        save(w, WebhookLifecycle.update(w, patch, actor, clock.instant()))));
  }

  /** Deletes the endpoint; its deliveries still waiting are given up. */
  public Future<Void> delete(String id, String actor) {
    return contended(id, () -> get(id).compose(w -> save(w, WebhookLifecycle.delete(w, actor, clock.instant()))))
        .compose(deleted -> deliveries.failWaiting(id, "endpoint deleted", clock.instant())).mapEmpty();
  }

  /** The endpoint's delivery log, newest first; {@code state} null for all. */
  public Future<Page<WebhookDelivery>> deliveries(String id, WebhookDeliveryState state, int limit) {
    return get(id).compose(w -> deliveries.ofWebhook(id, state, limit));
  }

  /** Sends a delivery of the endpoint again (same body, same event id) from now on. */
  public Future<WebhookDelivery> replay(String id, String deliveryId, String actor) {
    return get(id).compose(w -> delivery(id, deliveryId).compose(d -> {
      Decision<WebhookDelivery> decision = WebhookLifecycle.replay(w, d, actor, clock.instant());
      Change change = Change.of(MongoStore.WEBHOOK_DELIVERIES, deliveryId, decision.events());
      return events.apply(change, () -> deliveries.replay(decision.state(), change.id()));
    })).onSuccess(d -> deliverer.wake());
  }

  private Future<WebhookDelivery> delivery(String webhookId, String deliveryId) {
    return deliveries.get(deliveryId).compose(d -> d == null || !d.webhookId().equals(webhookId)
        ? Future.failedFuture(new DomainError.NotFound("no delivery " + deliveryId + " of webhook " + webhookId))
        : Future.succeededFuture(d));
  }

  private Future<Webhook> save(Webhook before, Decision<Webhook> decision) {
    if (!decision.changed()) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.WEBHOOKS, before.id(), decision.events());
    return events.apply(change, () -> webhooks.save(decision.state(), before.version(), change.id()));
  }

  private static <T> Future<T> contended(String id, java.util.function.Supplier<Future<T>> attempt) {
    return StaleWrite.retry(ATTEMPTS, attempt).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("webhook " + id + " keeps changing; reload it and try again") : e));
  }
}
