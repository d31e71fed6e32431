package io.earshot.ingest;

import io.earshot.brand.BrandDirectory;
import io.earshot.concurrent.Owner;
import io.earshot.domain.Mention;
import io.earshot.store.StoreFaults;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entrance for mentions, from connectors and the ingest API alike: check → brand →
 * dedupe → thread → score → persist → announce. Offers are queued and processed in batches of up to
 * {@code batchSize}, at most two disjoint batches at a time per instance, waiting at most
 * {@code batchDelayMs} to fill a batch; a batch mixes the offers of many callers.
 *
 * <p>One caller's bad mention never fails another's: a mention breaking {@link MentionRules} or
 * naming a brand that does not exist ({@link MentionBrands}) is refused before it is queued; one the store refuses is refused alone ({@code MentionStore});
 * and a batch failing for any other reason is split in halves and retried until the mention at
 * fault is alone, and refused. Only a store that is unavailable fails the offers of a batch
 * (with the store's own error), since nothing could be stored. An offer's Future completes once
 * each of its mentions is durably stored, known to be stored already, or refused, which is what
 * lets a connector advance its cursor.
 *
 * <p>The queue belongs to the context the pipeline is built on (the ingest verticle's); callers
 * on any other event loop are served there, and their Future completes back on their own context.
 */
public final class IngestPipeline {
  /** Two batches overlap one's reads with the other's writes; more only adds contention. */
  private static final int MAX_IN_FLIGHT = 2;
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private final Vertx vertx;
  private final Context context;
  private final IngestStores stores;
  private final MentionBrands brands;
  private final int batchSize;
  private final long batchDelayMs;
  private final Deque<Slot> queue = new ArrayDeque<>();
  private final BatchPicker picker = new BatchPicker();
  private final ExclusiveTurns turns = new ExclusiveTurns();
  private int inFlight;
  private boolean scheduled;

  public IngestPipeline(Vertx vertx, IngestStores stores, BrandDirectory brands, int batchSize, long batchDelayMs) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.stores = stores;
    this.brands = new MentionBrands(brands);
    this.batchSize = batchSize;
    this.batchDelayMs = batchDelayMs;
  }

  /** Offers mentions; completes with what became of each (see {@link IngestResult}), on the caller's context. */
  public Future<IngestResult> offer(List<Mention> mentions) {
    Offer offer = new Offer(mentions.size());
    if (!mentions.isEmpty()) {
      brands.decide(mentions)
          .onSuccess(decided -> context.runOnContext(v -> admit(offer, decided)))
          .onFailure(error -> context.runOnContext(v -> {
            LOG.error("{} mentions not taken: their brands could not be read: {}", mentions.size(), error.toString());
            offer.fail(error);
          }));
    }
    return Owner.onCaller(offer.future());
  }

  /** Refuses, one by one, mentions that break the rules or name no brand; queues the rest. */
  private void admit(Offer offer, List<MentionBrands.Decided> decided) {
    List<Slot> slots = new ArrayList<>(decided.size());
    for (int i = 0; i < decided.size(); i++) {
      Mention m = decided.get(i).mention();
      MentionRules.Problem problem = MentionRules.check(m);
      if (problem == null && decided.get(i).problem() != null) {
        problem = new MentionRules.Problem("brand", decided.get(i).problem());
      }
      if (problem == null) {
        slots.add(new Slot(m, offer, i));
      } else {
        logRefusal(m, problem);
        offer.rejected(i, problem.field(), problem.field() + ": " + problem.message());
      }
    }
    if (!slots.isEmpty()) {
      queue.addAll(slots);
      schedule();
    }
  }

  /**
   * A connector's refused mention is an operator's concern (a warning); an API client's is told
   * to that client in its answer, so it is only noted, and a hostile client cannot fill the log
   * with warnings.
   */
  private static void logRefusal(Mention m, MentionRules.Problem problem) {
    if (m.account() == null) {
      LOG.debug("mention={} refused: {}: {}", m.id(), problem.field(), problem.message());
    } else {
      LOG.warn("mention={} account={} refused: {}: {}", m.id(), m.account(), problem.field(), problem.message());
    }
  }

  private void schedule() {
    if (scheduled || queue.isEmpty() || inFlight >= MAX_IN_FLIGHT || turns.blocksNewBatches()) {
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
    while (inFlight < MAX_IN_FLIGHT && !queue.isEmpty() && !turns.blocksNewBatches()) {
      List<Slot> slots = picker.take(queue, batchSize, Slot::mention);
      if (slots.isEmpty()) {
        return;
      }
      inFlight++;
      turns.started();
      Run run = new Run();
      process(run, slots).onComplete(done -> {
        inFlight--;
        picker.release(slots, Slot::mention);
        turns.finished(run.exclusive);
        schedule();
      });
    }
  }

  private Future<Void> process(Run run, List<Slot> slots) {
    Map<String, Mention> unique = new LinkedHashMap<>();
    slots.forEach(s -> unique.putIfAbsent(s.mention.id(), s.mention));
    return isolating(run, List.copyOf(unique.values()))
        .onSuccess(outcome -> settle(slots, outcome))
        .onFailure(error -> fail(slots, error))
        .mapEmpty();
  }

  /** Stores the batch; when it fails for a reason other than the store's, retries its halves. */
  private Future<BatchOutcome> isolating(Run run, List<Mention> mentions) {
    return attempt(run, mentions).recover(error -> {
      if (StoreFaults.unavailable(error)) {
        return Future.failedFuture(error);
      }
      if (mentions.size() == 1) {
        LOG.error("mention={} could not be stored; refusing it alone", mentions.get(0).id(), error);
        return Future.succeededFuture(new BatchOutcome(Set.of(), Map.of(mentions.get(0).id(),
            "could not be stored: " + describe(error)), false));
      }
      LOG.warn("batch of {} mentions failed ({}); retrying in halves to isolate the mention at fault",
          mentions.size(), describe(error));
      int half = mentions.size() / 2;
      return isolating(run, mentions.subList(0, half))
          .compose(first -> isolating(run, mentions.subList(half, mentions.size())).map(second -> merge(first, second)));
    });
  }

  private Future<BatchOutcome> attempt(Run run, List<Mention> mentions) {
    return new IngestBatch(stores).store(mentions, run.exclusive).compose(outcome -> {
      if (!outcome.needsExclusive()) {
        return Future.succeededFuture(outcome);
      }
      return turns.acquire().compose(v -> {
        run.exclusive = true;
        return new IngestBatch(stores).store(mentions, true);
      });
    });
  }

  private static BatchOutcome merge(BatchOutcome a, BatchOutcome b) {
    Set<String> inserted = new HashSet<>(a.inserted());
    inserted.addAll(b.inserted());
    Map<String, String> refused = new HashMap<>(a.refused());
    refused.putAll(b.refused());
    return new BatchOutcome(inserted, refused, false);
  }

  /** The first slot carrying a newly inserted id counts as accepted; every other is a duplicate. */
  private static void settle(List<Slot> slots, BatchOutcome outcome) {
    Set<String> credited = new HashSet<>();
    for (Slot slot : slots) {
      String id = slot.mention.id();
      String refusal = outcome.refused().get(id);
      if (refusal != null) {
        LOG.warn("mention={} account={} not stored: {}", id, slot.mention.account(), refusal);
        slot.offer.rejected(slot.index, "item", refusal);
      } else if (outcome.inserted().contains(id) && credited.add(id)) {
        slot.offer.accepted();
      } else {
        slot.offer.duplicate();
      }
    }
  }

  private static void fail(List<Slot> slots, Throwable error) {
    LOG.error("ingest batch of {} mentions failed: the store is unavailable", slots.size(), error);
    slots.forEach(s -> s.offer.fail(error));
  }

  private static String describe(Throwable error) {
    String message = error.getMessage() == null ? "" : ": " + error.getMessage().lines().findFirst().orElse("");
    String text = error.getClass().getSimpleName() + message;
    return text.length() > 240 ? text.substring(0, 240) + "…" : text;
  }

  private record Slot(Mention mention, Offer offer, int index) {
  }

  /** One batch's run: whether it holds the exclusive turn (kept until it is done). */
  private static final class Run {
    boolean exclusive;
  }
}
