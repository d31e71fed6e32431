package io.earshot.live;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live fan-out as a listener: every event goes, in its versioned wire form, through the
 * {@link LiveBus} to every instance's dashboards. Best effort: a dashboard that misses events
 * re-reads what it shows when it reconnects, and the data itself is already durable.
 */
public final class LiveFanout implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFanout.class);
  private final LiveBus bus;

  public LiveFanout(LiveBus bus) {
    this.bus = bus;
  }

  @Override
  public String name() {
    return "live";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return true;
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    List<JsonObject> wire = events.stream().map(EventEnvelope::toJson).toList();
    return bus.publish(wire).recover(e -> {
      LOG.warn("live events not fanned out ({} events, first {}): {}", wire.size(), events.get(0).type(),
          e.getMessage());
      return Future.succeededFuture();
    });
  }
}
