package io.earshot.events;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A durable listener for tests that records every event it is given, in order, and can be told
 * to fail its next deliveries (as a webhook receiver or a rollup store would when down).
 */
final class RecordingListener implements EventListener {
  private final String name;
  private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  RecordingListener(String name) {
    this.name = name;
  }

  void failNext(int deliveries) {
    failuresLeft.set(deliveries);
  }

  List<EventEnvelope> seen() {
    return seen;
  }

  /** The types of the events seen about {@code subject}, in order. */
  List<String> typesAbout(String subject) {
    return seen.stream().filter(e -> e.subject().equals(subject)).map(EventEnvelope::type).toList();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return true;
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return Future.failedFuture(new IllegalStateException(name + " is down"));
    }
    seen.addAll(events);
    return Future.succeededFuture();
  }
}
