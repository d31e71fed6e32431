package io.earshot.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.UUID;

/**
 * The Vert.x a hub runs on, created with Micrometer metrics on a Prometheus registry of its own:
 * HTTP server timings labelled by route (the router's path template, never the raw path, so ids
 * do not become series), worker pools by name (queue depth, in use), event bus and JVM. The
 * registry is registered under a name unique to this instance, so two hubs in one JVM (tests)
 * never share or mix metrics. {@code Main}, the tests and the bench all start hubs through here.
 */
public record HubVertx(Vertx vertx, PrometheusMeterRegistry registry, int eventLoops) {

  public static HubVertx create() {
    return create(new VertxOptions());
  }

  /** With {@code options} as given (a test's tighter blocked-thread limits), metrics added. */
  public static HubVertx create(VertxOptions options) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
        .setRegistryName("earshot-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME);
    VertxOptions withMetrics = new VertxOptions(options).setMetricsOptions(metrics);
    Vertx vertx = Vertx.builder().with(withMetrics).withMetrics(new MicrometerMetricsFactory(registry)).build();
    return new HubVertx(vertx, registry, withMetrics.getEventLoopPoolSize());
  }

  /** Closes Vert.x (which stops its metrics) and the registry. */
  public Future<Void> close() {
    return vertx.close().onComplete(done -> registry.close());
  }
}
