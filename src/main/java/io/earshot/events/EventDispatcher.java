package io.earshot.events;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that tells listeners what changed. A writer hands it a {@link Change} and the
 * write that makes it: recorded events are staged in the {@link EventQueue} first, the write
 * runs, and only then are the events delivered, to every listener that accepts them. Durable
 * listeners that fail get the events again later from the {@link EventRelay}, so none is lost
 * between the change and the listener; a failing listener never fails the writer.
 * {@link #apply} fails only with the write's own failure.
 */
public final class EventDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
  private final EventQueue queue;
  private final Clock clock;

  public EventDispatcher(EventQueue queue, Clock clock) {
    this.queue = queue;
    this.clock = clock;
  }

  public void register(EventListener listener) {
    listeners.add(listener);
  }

  /** Stages the change's recorded events, runs {@code write}, then delivers; answers the write's result. */
  public <T> Future<T> apply(Change change, Supplier<Future<T>> write) {
    List<EventEnvelope> envelopes = change.envelopes();
    List<EventEnvelope> recorded = recorded(envelopes);
    Future<Void> staged = recorded.isEmpty() ? Future.succeededFuture()
        : queue.stage(change.id(), change.collection(), change.documentId(), recorded, clock.instant());
    return staged.compose(v -> write.get().recover(error -> unstage(change, recorded, error)))
        .compose(result -> deliver(change.id(), envelopes, !recorded.isEmpty()).map(result));
  }

  /**
   * Tells transient events of a change that has no document of its own (a connector's status,
   * kept in Redis); recorded events always need {@link #apply}.
   */
  public Future<Void> tell(List<DomainEvent> events) {
    if (events.stream().anyMatch(e -> e.type().recorded())) {
      throw new IllegalArgumentException("recorded events must be staged with their change");
    }
    return deliver("transient", Change.of("none", "none", events).envelopes(), false);
  }

  /**
   * Delivers the events of a change that is already durable and was not staged here (an ingest
   * batch: its journal stands in for staging, and recovery tells its events again after a
   * crash). Events a durable listener failed on are parked in the queue for the relay; the Future
   * fails only if they could not even be parked.
   */
  public Future<Void> deliverDurable(String changeId, List<EventEnvelope> envelopes) {
    return deliverTo(listeners, envelopes).compose(failed -> {
      if (failed.isEmpty()) {
        return Future.succeededFuture();
      }
      Set<String> done = durableNames();
      done.removeAll(failed);
      return queue.park(changeId, recorded(envelopes), done, clock.instant().plus(FIRST_RETRY));
    });
  }

  /** Recorded events again, to the durable listeners not in {@code done}; answers the names of those that failed. */
  Future<Set<String>> redeliver(List<EventEnvelope> envelopes, Set<String> done) {
    List<EventListener> targets = listeners.stream().filter(l -> l.durable() && !done.contains(l.name())).toList();
    return deliverTo(targets, envelopes);
  }

  Set<String> durableNames() {
    return listeners.stream().filter(EventListener::durable).map(EventListener::name).collect(Collectors.toSet());
  }

  private <T> Future<T> unstage(Change change, List<EventEnvelope> recorded, Throwable error) {
    Future<Void> removed = recorded.isEmpty() ? Future.succeededFuture() : queue.remove(change.id());
    return removed.transform(v -> Future.failedFuture(error));
  }

  private Future<Void> deliver(String changeId, List<EventEnvelope> envelopes, boolean queued) {
    return deliverTo(listeners, envelopes).compose(failed -> {
      if (!queued) {
        return Future.succeededFuture();
      }
      if (failed.isEmpty()) {
        return queue.remove(changeId);
      }
      Set<String> done = durableNames();
      done.removeAll(failed);
      return queue.defer(changeId, done, clock.instant().plus(FIRST_RETRY));
    }).recover(e -> {
      // The relay finds the entry still staged and delivers it again; the writer's change stands.
      LOG.warn("change={} delivered, but its queue entry was not updated: {}", changeId, e.toString());
      return Future.succeededFuture();
    });
  }

  /**
   * To every target at once, durable ones getting only recorded events; answers the names of the
   * durable targets that failed (a non-durable listener's failure is only logged).
   */
  private Future<Set<String>> deliverTo(List<EventListener> targets, List<EventEnvelope> envelopes) {
    List<EventEnvelope> recorded = recorded(envelopes);
    List<Future<Boolean>> outcomes = targets.stream()
        .map(l -> handle(l, l.durable() ? recorded : envelopes)).toList();
    return Future.join(new ArrayList<>(outcomes)).transform(v -> {
      Set<String> failed = new HashSet<>();
      for (int i = 0; i < targets.size(); i++) {
        if (targets.get(i).durable() && !outcomes.get(i).result()) {
          failed.add(targets.get(i).name());
        }
      }
      return Future.succeededFuture(failed);
    });
  }

  /** Runs one listener on what it accepts; never fails, answers whether it succeeded. */
  private Future<Boolean> handle(EventListener listener, List<EventEnvelope> envelopes) {
    List<EventEnvelope> accepted = envelopes.stream().filter(listener::accepts).toList();
    if (accepted.isEmpty()) {
      return Future.succeededFuture(true);
    }
    Future<Void> handled;
    try {
      handled = listener.handle(accepted);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    return handled.map(true).recover(e -> {
      LOG.warn("listener={} failed on {} events (first {} {}): {}", listener.name(), accepted.size(),
          accepted.get(0).type(), accepted.get(0).id(), e.toString());
      return Future.succeededFuture(false);
    });
  }

  private static List<EventEnvelope> recorded(List<EventEnvelope> envelopes) {
    return envelopes.stream().filter(e -> EventType.fromCode(e.type()).map(EventType::recorded).orElse(false))
        .toList();
  }
}
