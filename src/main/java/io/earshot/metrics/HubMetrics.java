package io.earshot.metrics;

import io.earshot.events.EventListener;
import io.earshot.store.Durability;
import io.earshot.store.QueueDepths;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * This hub's own metrics, beside what Vert.x measures (HTTP per route, worker pools, event bus):
 * the event counts ({@link #listener}, registered on the event spine), the queue depths, the
 * embedded store's group commits, and the Prometheus text of the whole registry ({@link #scrape}).
 * One per hub instance, on the registry its Vert.x was created with, so two hubs in one JVM keep
 * their figures apart. {@link #scrape} never fails.
 */
public final class HubMetrics {
  /** The content type of the Prometheus text exposition format this scrape answers in. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final PrometheusMeterRegistry registry;
  private final QueueGauges queues;
  private final EventMetrics events;

  /**
   * @param commits the embedded store's group commits, or null against a real MongoDB (which
   *     commits on its own and reports that itself)
   */
  public HubMetrics(PrometheusMeterRegistry registry, QueueDepths depths, Durability commits, Clock clock) {
    this.registry = registry;
    this.queues = new QueueGauges(registry, depths);
    this.events = new EventMetrics(registry, clock);
    if (commits != null) {
      groupCommits(commits);
    }
  }

  /**
   * Count and total time of commits, and the writes they covered: their ratio is the group size,
   * which tells whether concurrent writers really share commits.
   */
  private void groupCommits(Durability durability) {
    FunctionTimer.builder("earshot.store.group.commit", durability, d -> d.commits().count(),
            d -> d.commits().nanos(), TimeUnit.NANOSECONDS)
        .description("Group commits of the embedded store, and the time spent in them").register(registry);
    FunctionCounter.builder("earshot.store.group.commit.writes", durability, d -> d.commits().writes())
        .description("Writes made durable by the embedded store's group commits").register(registry);
  }

  /**
   * Request bodies being read at this moment, by callers not yet signed in and by signed-in
   * ones: each has its cap (EARSHOT_HTTP_MAX_UPLOADS), beyond which the hub answers 503.
   */
  public void uploads(IntSupplier anonymous, IntSupplier signedIn) {
    // Micrometer holds a gauge's object weakly: these lambdas have no other owner, so hold them strongly.
    Gauge.builder("earshot.http.uploads.in.flight", anonymous, IntSupplier::getAsInt).tag("caller", "anonymous")
        .description("Request bodies being read now, by kind of caller").strongReference(true).register(registry);
    Gauge.builder("earshot.http.uploads.in.flight", signedIn, IntSupplier::getAsInt).tag("caller", "signed_in")
        .description("Request bodies being read now, by kind of caller").strongReference(true).register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The listener that counts events; non-durable, so it never holds up a writer or the relay. */
  public EventListener listener() {
    return events;
  }

  /** Reads the queue depths, then renders every meter as Prometheus text. */
  public Future<String> scrape() {
    return queues.refresh().map(v -> registry.scrape());
  }
}
