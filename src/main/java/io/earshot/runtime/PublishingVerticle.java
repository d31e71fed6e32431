package io.earshot.runtime;

import io.earshot.engagement.EngagementTracker;
import io.earshot.publish.Publisher;
import io.earshot.webhook.Webhooks;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * What goes out, on one context: the reply outbox's publisher, the engagement tracker and the
 * webhook deliverer. Each takes this verticle's context as its owner when started here; wake-ups
 * from the HTTP verticles and the event listeners hop onto it.
 */
public final class PublishingVerticle extends VerticleBase {
  private final Publisher publisher;
  private final EngagementTracker engagement;
  private final Webhooks webhooks;

  public PublishingVerticle(Publisher publisher, EngagementTracker engagement, Webhooks webhooks) {
    this.publisher = publisher;
    this.engagement = engagement;
    this.webhooks = webhooks;
  }

  @Override
  public Future<?> start() {
    publisher.start();
    engagement.start();
    webhooks.start();
    return Future.succeededFuture();
  }

  /** Webhook deliveries in flight are recorded first (briefly); the engagement lease is given back. */
  @Override
  public Future<?> stop() {
    publisher.stop();
    return webhooks.stop().eventually(engagement::stop);
  }
}
