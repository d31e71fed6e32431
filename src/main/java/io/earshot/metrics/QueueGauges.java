package io.earshot.metrics;

import io.earshot.store.QueueDepths;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The depth of the durable queues as gauges: the reply outbox by state, the webhook due set and
 * the event queue by state. A gauge is read synchronously while the registry is scraped, and a
 * count is a database read, so {@link #refresh} reads them first; when the store does not answer
 * in time the gauges keep their last reading rather than hold up the scrape.
 */
final class QueueGauges {
  private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
  private static final long READ_TIMEOUT_MS = 2_000;
  private final QueueDepths depths;
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong sending = new AtomicLong();
  private final AtomicLong webhooksDue = new AtomicLong();
  private final AtomicLong staged = new AtomicLong();
  private final AtomicLong committed = new AtomicLong();

  QueueGauges(MeterRegistry registry, QueueDepths depths) {
    this.depths = depths;
    gauge(registry, "earshot.outbox.replies", "Replies waiting in the outbox", queued, "state", "queued");
    gauge(registry, "earshot.outbox.replies", "Replies waiting in the outbox", sending, "state", "sending");
    gauge(registry, "earshot.webhook.due", "Webhook deliveries still to send (the due set)", webhooksDue);
    gauge(registry, "earshot.event.queue.entries", "Event queue entries: staged by a writer, committed for a retry",
        staged, "state", "staged");
    gauge(registry, "earshot.event.queue.entries", "Event queue entries: staged by a writer, committed for a retry",
        committed, "state", "committed");
  }

  private static void gauge(MeterRegistry registry, String name, String help, AtomicLong value, String... tags) {
    Gauge.builder(name, value, AtomicLong::get).description(help).tags(tags).register(registry);
  }

  /** Reads every depth; never fails (a failed read leaves the last values). */
  Future<Void> refresh() {
    return depths.read().timeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS).onSuccess(d -> {
      queued.set(d.repliesQueued());
      sending.set(d.repliesSending());
      webhooksDue.set(d.webhooksDue());
      staged.set(d.eventsStaged());
      committed.set(d.eventsCommitted());
    }).<Void>mapEmpty().recover(e -> {
      LOG.debug("queue depths not read for this scrape: {}", e.toString());
      return Future.succeededFuture();
    });
  }
}
