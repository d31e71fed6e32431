package io.earshot.webhook;

import io.earshot.concurrent.Owner;
import io.earshot.domain.Webhook;
import io.earshot.domain.WebhookDelivery;
import io.earshot.store.WebhookDeliveryStore;
import io.earshot.store.WebhookDeliveryStore.Claimed;
import io.earshot.store.WebhookStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the webhook outbox on every instance: claims due deliveries (leased, so one instance
 * sends each at a time; a claim left by a crash is claimed again when its lease ends), sends many
 * at once, and records each outcome: 2xx delivered, anything else retried on the
 * {@link RetrySchedule} until it is given up. At most {@link #PER_ENDPOINT} deliveries per
 * endpoint are in flight, so a slow or silent receiver holds only its own share of the
 * {@link #MAX_IN_FLIGHT} slots and never delays the others. Runs on the context that starts it
 * (the publishing verticle's); {@link #wake} and {@link #stop} hop there from any event loop.
 * Nothing blocks.
 */
public final class WebhookDeliverer {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
  static final int MAX_IN_FLIGHT = 32;
  static final int PER_ENDPOINT = 4;
  private static final long POLL_MS = 1000;
  /** How long a stop waits for deliveries in flight; the hub's whole shutdown is bounded at 20 s. */
  private static final long STOP_GRACE_MS = 5000;
  private final Vertx vertx;
  private final WebhookStore webhooks;
  private final WebhookDeliveryStore deliveries;
  private final WebhookSender sender;
  private final RetrySchedule retries;
  private final Duration lease;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Map<String, Integer> inFlight = new HashMap<>();
  private int total;
  private volatile Context context;
  private long timer = -1;
  private boolean filling;
  private boolean again;
  private boolean stopped;
  private Promise<Void> drained;

  WebhookDeliverer(Vertx vertx, WebhookStore webhooks, WebhookDeliveryStore deliveries, WebhookSender sender,
                   RetrySchedule retries, Duration lease, Clock clock, MeterRegistry metrics) {
    this.vertx = vertx;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.sender = sender;
    this.retries = retries;
    this.lease = lease;
    this.clock = clock;
    this.metrics = metrics;
  }

  void start() {
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      timer = vertx.setPeriodic(POLL_MS, id -> pump());
      pump();
    });
  }

  /** New or replayed deliveries are due: look now instead of at the next poll. */
  void wake() {
    Context c = context;
    if (c != null) {
      c.runOnContext(v -> pump());
    }
  }

  /**
   * Stops claiming and completes once the deliveries in flight have their outcome recorded, or
   * after a short grace: a claim left unrecorded lapses and is sent again (receivers dedupe), and
   * during a JVM shutdown the embedded store may already be closing and never answer.
   */
  Future<Void> stop() {
    if (context == null) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      vertx.cancelTimer(timer);
      drained = done;
      settleIfDrained();
    });
    return Owner.onCaller(done.future().timeout(STOP_GRACE_MS, TimeUnit.MILLISECONDS).recover(e -> {
      LOG.info("webhook deliveries still in flight at stop; their claims lapse and they are sent again");
      return Future.succeededFuture();
    }));
  }

  private void pump() {
    if (stopped) {
      return;
    }
    if (filling) {
      again = true;
      return;
    }
    filling = true;
    webhooks.enabled().compose(endpoints -> claimNext(endpoints.stream()
            .collect(Collectors.toMap(Webhook::id, Function.identity()))))
        .onFailure(e -> LOG.warn("webhook deliveries not claimed this round: {}", e.toString()))
        .onComplete(done -> {
          filling = false;
          if (again) {
            again = false;
            pump();
          }
        });
  }

  /** Claims and starts deliveries until none is due, all slots are taken or every endpoint is at its share. */
  private Future<Void> claimNext(Map<String, Webhook> endpoints) {
    List<String> open = endpoints.keySet().stream().filter(id -> inFlight.getOrDefault(id, 0) < PER_ENDPOINT).toList();
    if (stopped || total >= MAX_IN_FLIGHT || open.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    return deliveries.claim(open, now, now.plus(lease)).compose(claimed -> {
      if (claimed == null) {
        return Future.succeededFuture();
      }
      send(endpoints.get(claimed.delivery().webhookId()), claimed);
      return claimNext(endpoints);
    });
  }

  private void send(Webhook webhook, Claimed claimed) {
    total++;
    inFlight.merge(webhook.id(), 1, Integer::sum);
    sender.post(webhook, claimed.delivery()).compose(outcome -> record(claimed, outcome))
        .onFailure(e -> LOG.warn("delivery={} outcome not recorded; it is retried when its lease ends: {}",
            claimed.delivery().id(), e.toString()))
        .onComplete(done -> {
          total--;
          inFlight.computeIfPresent(webhook.id(), (id, n) -> n > 1 ? n - 1 : null);
          settleIfDrained();
          pump();
        });
  }

  private Future<Void> record(Claimed claimed, WebhookSender.Outcome outcome) {
    Instant at = clock.instant();
    WebhookDelivery d = claimed.delivery();
    WebhookDelivery after = outcome.delivered() ? d.delivered(outcome.status(), at)
        : retries.next(d.attempts(), d.since(), at).map(next -> d.retryAt(next, outcome.status(), outcome.error(), at))
            .orElseGet(() -> d.failed(outcome.status(), outcome.error(), at));
    count(outcome.delivered() ? "delivered" : after.nextAttemptAt() == null ? "given_up" : "retrying");
    if (!outcome.delivered()) {
      String next = after.nextAttemptAt() == null ? "given up" : "next at " + after.nextAttemptAt();
      LOG.info("webhook={} delivery={} event={} attempt {} failed ({}); {}", d.webhookId(), d.id(), d.eventId(),
          d.attempts(), outcome.error(), next);
    }
    return deliveries.record(claimed, after).mapEmpty();
  }

  /** A failing receiver shows as {@code retrying} and {@code given_up} attempts, beside the due set's size. */
  private void count(String outcome) {
    Counter.builder("earshot.webhook.attempts").description("Webhook delivery attempts, by outcome")
        .tag("outcome", outcome).register(metrics).increment();
  }

  private void settleIfDrained() {
    if (stopped && total == 0 && drained != null) {
      drained.tryComplete();
    }
  }
}
