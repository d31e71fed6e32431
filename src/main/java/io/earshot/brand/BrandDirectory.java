package io.earshot.brand;

import io.earshot.domain.Brand;
import io.earshot.store.BrandStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brands as ingest and the API check them, without a database read per mention: a snapshot
 * of all brands, read again when older than {@link #FRESH}, plus a keyed read for an id the
 * snapshot does not hold yet (a brand just made on another instance). Brands are never deleted,
 * so a snapshot can only miss a brand, never hold one that is gone; a handle changed on another
 * instance is seen within {@link #FRESH}. Safe to use from any thread. Futures fail only when the
 * store is unavailable and no snapshot was ever read.
 */
public final class BrandDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(BrandDirectory.class);
  static final Duration FRESH = Duration.ofSeconds(10);
  private final BrandStore store;
  private final Clock clock;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Map.of(), Instant.EPOCH));
  private final AtomicReference<Future<Snapshot>> reading = new AtomicReference<>();

  private record Snapshot(Map<String, Brand> byId, Instant readAt) {
    Snapshot with(Collection<Brand> more) {
      Map<String, Brand> next = new TreeMap<>(byId);
      more.forEach(b -> next.merge(b.id(), b, (old, given) -> given.version() >= old.version() ? given : old));
      return new Snapshot(Collections.unmodifiableMap(next), readAt);
    }
  }

  public BrandDirectory(BrandStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every brand, by id, as of at most {@link #FRESH} ago. */
  public Future<Map<String, Brand>> all() {
    Snapshot now = snapshot.get();
    if (now.readAt().plus(FRESH).isAfter(clock.instant())) {
      return Future.succeededFuture(now.byId());
    }
    return reread().map(Snapshot::byId);
  }

  /** The ids among {@code ids} that name no brand. */
  public Future<Set<String>> unknown(Collection<String> ids) {
    Set<String> missing = new HashSet<>(ids);
    missing.removeAll(snapshot.get().byId().keySet());
    if (missing.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return store.byIds(missing).map(found -> {
      learned(found.values());
      missing.removeAll(found.keySet());
      return missing;
    });
  }

  /** A brand this instance just created or changed: seen at once, without waiting for a re-read. */
  public void learned(Collection<Brand> brands) {
    snapshot.updateAndGet(s -> s.with(brands));
  }

  /** One read at a time; a failed read keeps the snapshot there is (brands are rarely changed). */
  private Future<Snapshot> reread() {
    Future<Snapshot> running = reading.get();
    if (running != null) {
      return running;
    }
    Future<Snapshot> read = store.list().map(list -> {
      // Sorted by id, so a tie between two brands' handles is always decided the same way.
      Map<String, Brand> byId = new TreeMap<>();
      list.forEach(b -> byId.put(b.id(), b));
      Snapshot fresh = new Snapshot(Collections.unmodifiableMap(byId), clock.instant());
      snapshot.set(fresh);
      return fresh;
    }).recover(e -> {
      Snapshot kept = snapshot.get();
      if (kept.byId().isEmpty()) {
        return Future.failedFuture(e);
      }
      LOG.warn("brands not re-read, using the {} known: {}", kept.byId().size(), e.toString());
      return Future.succeededFuture(kept);
    });
    // Two callers racing here may both read; harmless, and rarer than the lock it would take.
    reading.set(read);
    read.onComplete(done -> reading.compareAndSet(read, null));
    return read;
  }
}
