package io.earshot.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON {@code earshot bench} prints. The first mode measured (fsync on by default, the
 * hub's default) gives the top-level figures, as before durability was measured; every mode is
 * under {@code durability}, named {@code fsyncOn}/{@code fsyncOff}.
 */
final class BenchReport {
  /** What one embedded-store mode measured: rates per round, and the latency on the first mode. */
  static final class Mode {
    private final List<Double> pipeline = new ArrayList<>();
    private final List<Double> raw = new ArrayList<>();
    private final List<Double> rawDurable = new ArrayList<>();
    private boolean fsync;
    private double[] latencies;
    private int lost;

    List<Double> pipeline() {
      return pipeline;
    }

    List<Double> raw() {
      return raw;
    }

    List<Double> rawDurable() {
      return rawDurable;
    }

    Mode withFsync(boolean on) {
      this.fsync = on;
      return this;
    }

    Mode withLatency(double[] samples, int missing) {
      this.latencies = samples;
      this.lost = missing;
      return this;
    }

    JsonObject throughput() {
      double p = median(pipeline);
      double r = median(raw);
      double d = median(rawDurable);
      return new JsonObject().put("fsync", fsync)
          .put("pipelineMentionsPerSecond", Stats.round(p, 0)).put("pipelineRounds", rounded(pipeline))
          .put("rawInsertManyPerSecond", Stats.round(r, 0)).put("rawRounds", rounded(raw))
          .put("rawDurableInsertManyPerSecond", Stats.round(d, 0)).put("rawDurableRounds", rounded(rawDurable))
          .put("pipelineToRawRatio", Stats.round(p / r, 3))
          .put("pipelineToDurableRawRatio", Stats.round(p / d, 3));
    }
  }

  private BenchReport() {
  }

  static JsonObject json(BenchOptions o, List<Mode> modes) {
    Mode first = modes.get(0);
    JsonObject top = new JsonObject().put("mentionsPerRound", o.mentions()).put("rounds", o.rounds())
        .mergeIn(first.throughput());
    JsonObject durability = new JsonObject();
    modes.forEach(m -> durability.put(m.fsync ? "fsyncOn" : "fsyncOff", m.throughput()));
    if (modes.size() == 2) {
      durability.put("pipelineFsyncOffToOnRatio", Stats.round(median(modes.get(1).pipeline) / median(first.pipeline), 3));
    }
    top.put("durability", durability);
    if (first.latencies != null) {
      double[] l = first.latencies;
      top.put("latency", new JsonObject().put("ratePerSecond", o.rate()).put("seconds", o.seconds())
          .put("fsync", first.fsync).put("samples", l.length).put("missing", first.lost)
          .put("p50Ms", Stats.round(Stats.percentile(l, 50), 1))
          .put("p99Ms", Stats.round(Stats.percentile(l, 99), 1))
          .put("maxMs", Stats.round(Stats.percentile(l, 100), 1)));
    }
    return top;
  }

  private static double median(List<Double> rates) {
    return Stats.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static JsonArray rounded(List<Double> rates) {
    return new JsonArray(rates.stream().map(d -> Stats.round(d, 0)).toList());
  }
}
