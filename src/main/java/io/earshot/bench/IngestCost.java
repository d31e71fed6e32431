package io.earshot.bench;

import com.sun.management.OperatingSystemMXBean;
import io.earshot.domain.Mention;
import io.earshot.store.MongoStore;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What keeping the analytics rollups costs the ingest pipeline: the same workload on fresh hubs
 * with and without them, in pairs run back to back (which goes first alternates), after two
 * pairs that warm the JIT and are not counted. On a shared machine the load changes from one
 * minute to the next by more than the cost itself, so the figure is the median of the per-pair
 * ratios (each pair met about the same load), with the pooled ratio (all mentions over all
 * seconds of each mode) beside it. "Settled" waits until the rollups have counted every batch.
 * The third figure does not depend on what else the machine runs: the process's CPU time per
 * mention until settled, with against without; the pipeline is CPU-bound on the embedded store,
 * so its throughput falls by that share when the cores are its own ({@code cpuCost}).
 */
final class IngestCost {
  /**
   * Fewest mentions of each uncounted warm-up pair, which is as large as a counted one when that is
   * larger: after one pair of 5,000 the JIT was still settling (the first counted pair of 20,000
   * spent a quarter more CPU per mention than the later ones, in both modes).
   */
  private static final int WARM_UP = 5_000;
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final int mentions;
  private final int rounds;
  private final TriageEngine scorer;

  /**
   * One pair: mentions per second stored (and settled) with and without the rollups, and the
   * process's CPU time per mention until settled, in microseconds.
   */
  record Pair(double with, double without, double settledWith, double settledWithout, double cpuWith,
              double cpuWithout, double javaCpuWith, double javaCpuWithout) {
  }

  /**
   * One run of one mode: mentions per second stored, and settled; CPU microseconds per mention,
   * of the process and of its Java threads alone (no JIT compiler, no garbage collector).
   */
  private record Run(double stored, double settled, double cpu, double javaCpu) {
  }

  IngestCost(int mentions, int rounds, TriageEngine scorer) {
    this.mentions = mentions;
    this.rounds = rounds;
    this.scorer = scorer;
  }

  JsonObject measure() throws Exception {
    // Two uncounted pairs, one in each order: after one, the first counted pair still spent a
    // quarter more CPU per mention in both modes than the pairs after it.
    pair(-2, warmUp());
    pair(-1, warmUp());
    List<Pair> pairs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      pairs.add(pair(r, mentions));
    }
    return report(pairs);
  }

  private int warmUp() {
    return Math.max(WARM_UP, mentions);
  }

  /**
   * Both modes on the same mentions, the order alternating with {@code round}. Each run gets its
   * own copy, made from the same seed: sharing the objects gave the second run the hash codes and
   * encodings the first had computed (about 10% less CPU for whichever mode went second).
   */
  private Pair pair(int round, int n) throws Exception {
    boolean withFirst = round % 2 == 0;
    Run first = run(withFirst, mentions(round, n));
    Run second = run(!withFirst, mentions(round, n));
    Run with = withFirst ? first : second;
    Run without = withFirst ? second : first;
    return new Pair(with.stored(), without.stored(), with.settled(), without.settled(), with.cpu(), without.cpu(),
        with.javaCpu(), without.javaCpu());
  }

  /** One fresh hub, started and stopped alone: two at once starve each other's embedded store. */
  private Run run(boolean rollups, List<Mention> batch) throws Exception {
    AnalyticsBench.Running t = AnalyticsBench.start(rollups, scorer);
    try {
      // The hubs before left their embedded stores behind as garbage (about 150 MB a run of 20,000):
      // collected now, not in the middle of whichever run next fills the heap, where the old
      // generation's marking and mixed collections cost that run, in either mode, up to half again.
      System.gc();
      long cpu = CPU.getProcessCpuTime();
      long javaCpu = javaThreadsCpu();
      long start = System.nanoTime();
      double rate = new ThroughputRun(t.hub().pipeline(), t.hub().mongo(), scorer).pipeline(batch).await();
      awaitTold(t);
      double settled = batch.size() / ((System.nanoTime() - start) / 1e9);
      return new Run(rate, settled, (CPU.getProcessCpuTime() - cpu) / 1e3 / batch.size(),
          (javaThreadsCpu() - javaCpu) / 1e3 / batch.size());
    } finally {
      t.close();
    }
  }

  /**
   * The CPU time of the live Java threads: without the JIT compiler's, which keeps compiling for
   * several rounds and so weighs on whichever mode runs first. Threads that end during a run
   * would be missed; the hub's pools keep theirs until it stops.
   */
  private static long javaThreadsCpu() {
    long total = 0;
    for (long id : THREADS.getAllThreadIds()) {
      total += Math.max(0, THREADS.getThreadCpuTime(id));
    }
    return total;
  }

  /**
   * Waits until every batch's events were told to every listener (its journal entry is closed
   * only then), so that "settled" counts the rollups keeping up, not only the mentions stored.
   */
  private static void awaitTold(AnalyticsBench.Running t) throws InterruptedException {
    MongoStore mongo = t.hub().mongo();
    while (mongo.run(() -> mongo.collection(MongoStore.INGEST_JOURNAL).countDocuments()).await() > 0) {
      Thread.sleep(20);
    }
  }

  private JsonObject report(List<Pair> pairs) {
    return new JsonObject().put("mentionsPerRound", mentions).put("rounds", rounds)
        .put("warmUpMentions", warmUp())
        .put("withRollupsPerSecond", column(pairs, Pair::with)).put("withoutRollupsPerSecond", column(pairs, Pair::without))
        .put("medianWith", Stats.round(median(pairs, Pair::with), 1))
        .put("medianWithout", Stats.round(median(pairs, Pair::without), 1))
        .put("costPerRound", costs(pairs, Pair::with, Pair::without))
        .put("cost", Stats.round(1 - median(pairs, p -> p.with() / p.without()), 3))
        .put("pooledCost", Stats.round(1 - pooled(pairs, Pair::with) / pooled(pairs, Pair::without), 3))
        .put("settledWithPerSecond", column(pairs, Pair::settledWith))
        .put("settledWithoutPerSecond", column(pairs, Pair::settledWithout))
        .put("settledCostPerRound", costs(pairs, Pair::settledWith, Pair::settledWithout))
        .put("settledCost", Stats.round(1 - median(pairs, p -> p.settledWith() / p.settledWithout()), 3))
        .put("settledPooledCost", Stats.round(1 - pooled(pairs, Pair::settledWith) / pooled(pairs, Pair::settledWithout), 3))
        .put("cpuMicrosPerMentionWith", column(pairs, Pair::cpuWith))
        .put("cpuMicrosPerMentionWithout", column(pairs, Pair::cpuWithout))
        .put("cpuCostPerRound", costs(pairs, p -> 1 / p.cpuWith(), p -> 1 / p.cpuWithout()))
        .put("cpuCost", Stats.round(1 - median(pairs, p -> p.cpuWithout() / p.cpuWith()), 3))
        .put("javaCpuMicrosPerMentionWith", column(pairs, Pair::javaCpuWith))
        .put("javaCpuMicrosPerMentionWithout", column(pairs, Pair::javaCpuWithout))
        .put("javaCpuCost", Stats.round(1 - median(pairs, p -> p.javaCpuWithout() / p.javaCpuWith()), 3));
  }

  private static JsonArray column(List<Pair> pairs, ToDoubleFunction<Pair> f) {
    return new JsonArray(pairs.stream().map(p -> Stats.round(f.applyAsDouble(p), 1)).toList());
  }

  private static JsonArray costs(List<Pair> pairs, ToDoubleFunction<Pair> with, ToDoubleFunction<Pair> without) {
    return new JsonArray(pairs.stream().map(p -> Stats.round(1 - with.applyAsDouble(p) / without.applyAsDouble(p), 3))
        .toList());
  }

  private static double median(List<Pair> pairs, ToDoubleFunction<Pair> f) {
    return Stats.median(pairs.stream().mapToDouble(f).toArray());
  }

  /** All the rounds' mentions over all their seconds (the harmonic mean of equal-sized rounds' rates). */
  private static double pooled(List<Pair> pairs, ToDoubleFunction<Pair> rate) {
    return pairs.size() / pairs.stream().mapToDouble(p -> 1 / rate.applyAsDouble(p)).sum();
  }

  private static List<Mention> mentions(int round, int n) {
    BenchMentions source = new BenchMentions(42 + round, Math.max(100, n / 4));
    List<Mention> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(source.next());
    }
    return list;
  }
}
