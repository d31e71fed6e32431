package io.earshot.events;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where the recorded events of each change wait for the durable listeners. A change's events
 * are staged before the change is written, and the change's own document remembers the change
 * id (its {@code changeIds}), so after a crash a staged entry is either confirmed (the change
 * happened: deliver it) or dropped (it did not). An entry is removed once every durable listener
 * has it. Implemented in {@code store/} on MongoDB.
 */
public interface EventQueue {
  /** A change whose events some durable listener may still have to receive. */
  record Entry(String changeId, String collection, String documentId, List<EventEnvelope> events,
               Set<String> done, boolean staged, Instant createdAt, int attempts) {
  }

  /** Stages a change's events before the change of {@code collection/documentId} is written. */
  Future<Void> stage(String changeId, String collection, String documentId, List<EventEnvelope> events, Instant now);

  /**
   * Queues the events of a change that is already durable for the durable listeners not in
   * {@code done}, from {@code retryAt} on.
   */
  Future<Void> park(String changeId, List<EventEnvelope> events, Collection<String> done, Instant retryAt);

  /** Forgets a change that was not made, or whose events every durable listener has. */
  Future<Void> remove(String changeId);

  /** Some listeners failed: remember who has the events and when to try the others again. */
  Future<Void> defer(String changeId, Collection<String> done, Instant retryAt);

  /** Staged entries older than {@code before}: their writer died between staging and delivering. */
  Future<List<Entry>> stagedBefore(Instant before, int limit);

  /** Claims the next deferred entry due for another delivery, until {@code leaseUntil}; null if none. */
  Future<Entry> claimDue(Instant now, Instant leaseUntil);

  /** Whether the change was applied: the changed document remembers its id. */
  Future<Boolean> applied(String collection, String documentId, String changeId);
}
