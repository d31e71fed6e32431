package io.earshot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/**
 * Measures how late its event loop runs a timer: armed every {@value #EVERY_MS} ms, it records by
 * how much each firing missed its due time. A loop kept busy (a long handler, blocking, GC) shows
 * here before requests time out. Deployed in as many instances as there are event loops, so each
 * loop has its series, labelled with its thread's name.
 */
public final class LoopDelayProbe extends VerticleBase {
  static final long EVERY_MS = 100;
  private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2)};
  private final MeterRegistry registry;
  private Timer delay;
  private long timer = -1;
  private boolean stopped;

  public LoopDelayProbe(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    delay = Timer.builder("earshot.event.loop.delay").description("How late a timer fired on each event loop")
        .tag("loop", Thread.currentThread().getName()).serviceLevelObjectives(BUCKETS).register(registry);
    arm();
    return Future.succeededFuture();
  }

  private void arm() {
    if (stopped) {
      return;
    }
    long due = System.nanoTime() + EVERY_MS * 1_000_000;
    timer = vertx.setTimer(EVERY_MS, id -> {
      delay.record(Duration.ofNanos(Math.max(0, System.nanoTime() - due)));
      arm();
    });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
