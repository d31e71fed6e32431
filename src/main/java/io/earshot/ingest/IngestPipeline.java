package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entrance for mentions, from connectors and the ingest API alike: dedupe → score →
 * thread → persist → announce. Offers are queued and processed in batches of up to
 * {@code batchSize}, at most two disjoint batches at a time per instance, waiting at most
 * {@code batchDelayMs} to fill a batch. An offer's Future completes once all its mentions are durably stored (or known
 * to be stored already), which is what lets a connector advance its cursor.
 */
public final class IngestPipeline {
  /** Two batches overlap one's reads with the other's writes; more only adds contention. */
  private static final int MAX_IN_FLIGHT = 2;
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private final Vertx vertx;
  private final Context context;
  private final IngestStores stores;
  private final int batchSize;
  private final long batchDelayMs;
  private final Deque<Slot> queue = new ArrayDeque<>();
  private final BatchPicker picker = new BatchPicker();
  private int inFlight;
  private boolean scheduled;

  public IngestPipeline(Vertx vertx, IngestStores stores, int batchSize, long batchDelayMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.stores = stores;
    this.batchSize = batchSize;
    this.batchDelayMs = batchDelayMs;
  }

  /** Offers mentions; completes with how many were new and how many were duplicates. */
  public Future<IngestResult> offer(List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture(new IngestResult(0, 0));
    }
    Offer offer = new Offer(mentions.size());
    context.runOnContext(v -> {
      mentions.forEach(m -> queue.add(new Slot(m, offer)));
      schedule();
    });
    return offer.promise.future();
  }

  private void schedule() {
    if (scheduled || queue.isEmpty() || inFlight >= MAX_IN_FLIGHT) {
      return;
    }
    if (queue.size() >= batchSize || batchDelayMs == 0) {
      runNext();
    } else {
      scheduled = true;
      vertx.setTimer(batchDelayMs, id -> {
        scheduled = false;
        runNext();
      });
    }
  }

  /**
   * Starts batches while fewer than {@link #MAX_IN_FLIGHT} run. Batches in flight together never
   * share a customer or a reply chain (the picker guarantees it), so threading stays correct
   * while the store works on two batches at once.
   */
  private void runNext() {
    while (inFlight < MAX_IN_FLIGHT && !queue.isEmpty()) {
      List<Slot> slots = picker.take(queue, batchSize, Slot::mention);
      if (slots.isEmpty()) {
        return;
      }
      inFlight++;
      process(slots).onComplete(done -> {
        inFlight--;
        picker.release(slots, Slot::mention);
        schedule();
      });
    }
  }

  private Future<Void> process(List<Slot> slots) {
    Map<String, Mention> unique = new LinkedHashMap<>();
    slots.forEach(s -> unique.putIfAbsent(s.mention.id(), s.mention));
    return new IngestBatch(stores).store(List.copyOf(unique.values()))
        .onSuccess(inserted -> settle(slots, inserted))
        .onFailure(error -> fail(slots, error))
        .mapEmpty();
  }

  /** The first slot carrying a newly inserted id counts as accepted; every other is a duplicate. */
  private static void settle(List<Slot> slots, Set<String> inserted) {
    Set<String> credited = new HashSet<>();
    for (Slot slot : slots) {
      boolean accepted = inserted.contains(slot.mention.id()) && credited.add(slot.mention.id());
      slot.offer.settle(accepted);
    }
  }

  private static void fail(List<Slot> slots, Throwable error) {
    LOG.error("ingest batch of {} mentions failed", slots.size(), error);
    slots.forEach(s -> s.offer.promise.tryFail(error));
  }

  private record Slot(Mention mention, Offer offer) {
  }

  private static final class Offer {
    final Promise<IngestResult> promise = Promise.promise();
    int remaining;
    int accepted;
    int duplicates;

    Offer(int size) {
      this.remaining = size;
    }

    void settle(boolean wasAccepted) {
      if (wasAccepted) {
        accepted++;
      } else {
        duplicates++;
      }
      if (--remaining == 0) {
        promise.tryComplete(new IngestResult(accepted, duplicates));
      }
    }
  }
}
