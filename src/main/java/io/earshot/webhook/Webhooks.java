package io.earshot.webhook;

import io.earshot.config.EarshotConfig;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventListener;
import io.earshot.store.MongoStore;
import io.earshot.store.WebhookDeliveryStore;
import io.earshot.store.WebhookStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Outgoing webhooks of one hub instance, put together: the durable listener that turns events
 * into deliveries, the deliverer that sends them, and the admin service. The composition root
 * registers {@link #listener()} with the event dispatcher, hands {@link #service} to the API,
 * starts the deliverer with the other background work and stops it before the stores close.
 */
public final class Webhooks {
  private final WebhookStore store;
  private final WebhookDeliveryStore deliveries;
  private final WebhookSender sender;
  private final WebhookDeliverer deliverer;
  private final WebhookListener listener;
  private final Clock clock;

  /** @param metrics where delivery attempts are counted by outcome */
  public Webhooks(Vertx vertx, MongoStore mongo, EarshotConfig.Webhooks config, Clock clock, MeterRegistry metrics) {
    this.store = new WebhookStore(mongo);
    this.deliveries = new WebhookDeliveryStore(mongo);
    this.sender = new WebhookSender(vertx, config.timeout(), WebhookDeliverer.MAX_IN_FLIGHT, clock);
    RetrySchedule retries = new RetrySchedule(config.firstRetry(), config.maxRetry(), config.giveUpAfter());
    this.deliverer = new WebhookDeliverer(vertx, store, deliveries, sender, retries, lease(config.timeout()), clock,
        metrics);
    this.listener = new WebhookListener(store, deliveries, deliverer, clock);
    this.clock = clock;
  }

  /**
   * Longer than any attempt can take (connecting and answering are each bounded by the timeout,
   * the whole attempt by twice it), so a claim never lapses while its holder may still be sending.
   */
  private static Duration lease(Duration timeout) {
    return timeout.multipliedBy(2).plusSeconds(10);
  }

  public EventListener listener() {
    return listener;
  }

  public WebhookService service(EventDispatcher events) {
    return new WebhookService(store, deliveries, events, deliverer, clock);
  }

  public void start() {
    deliverer.start();
  }

  /** Stops sending once what is in flight is recorded; never fails. */
  public Future<Void> stop() {
    return deliverer.stop().eventually(() -> {
      sender.close();
      return Future.succeededFuture();
    }).recover(e -> Future.succeededFuture());
  }
}
