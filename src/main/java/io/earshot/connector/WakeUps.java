package io.earshot.connector;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One runner's use of its platform's push channel ({@link Connector#watch}): an event only asks
 * for the next poll to come sooner. One that arrives while a poll is in flight is remembered
 * once, so a burst of events costs at most one extra poll; one that arrives before an error's
 * wait is over is dropped, since the poll due then catches up anyway. Used on the runner's
 * context only; the connector's events are moved onto it.
 */
final class WakeUps {
  private final Vertx vertx;
  private final Connector connector;
  private final Clock clock;
  private boolean watching;
  private boolean pending;
  private Instant notBefore = Instant.MIN;

  WakeUps(Vertx vertx, Connector connector, Clock clock) {
    this.vertx = vertx;
    this.connector = connector;
    this.clock = clock;
  }

  /** Starts listening, once; each event runs {@code pollSoon} on the calling (the runner's) context. */
  void watch(Runnable pollSoon) {
    if (!watching) {
      watching = true;
      Context context = vertx.getOrCreateContext();
      connector.watch(() -> context.runOnContext(v -> pollSoon.run()));
    }
  }

  void unwatch() {
    if (watching) {
      watching = false;
      connector.unwatch();
    }
  }

  /** True while an error's wait is not over: a wake-up now is dropped. */
  boolean tooEarly() {
    return clock.instant().isBefore(notBefore);
  }

  /** A wake-up while a poll is in flight: one more poll follows it. */
  void remember() {
    pending = true;
  }

  /** A poll succeeded: true when a wake-up came meanwhile and the runner still polls, so poll again now. */
  boolean pollAgain(boolean holding) {
    notBefore = Instant.MIN;
    boolean again = pending && holding;
    pending = false;
    return again;
  }

  /** A poll failed and waits {@code delay}: wake-ups before then are dropped. */
  void waitAfterError(Duration delay) {
    pending = false;
    notBefore = clock.instant().plus(delay);
  }
}
