package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.auth.Passwords;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.domain.Mention;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code earshot bench [--mentions N] [--rounds R] [--rate R] [--seconds S]}: starts a private hub
 * on embedded MongoDB and Redis in a temporary directory and prints JSON with pipeline
 * throughput, the raw insertMany rate on the same store (alternating rounds, medians and their
 * ratio), and ingest-to-WebSocket latency percentiles at a steady rate.
 */
public final class BenchCommand {
  private BenchCommand() {
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    if (args.length > 0 && args[0].equals("signin")) {
      return SignInBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    BenchOptions options = BenchOptions.parse(args);
    Path dir = Files.createTempDirectory("earshot-bench");
    String password = Passwords.token();
    EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(),
        "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(), "EARSHOT_CONFIG", writeEmptyConfig(dir)));
    Vertx vertx = Vertx.vertx();
    TriageEngine scorer = TriageEngine.withDefaults();
    try {
      Hub hub = Hub.start(vertx, config, Map.of(), scorer, Connectors::create).await();
      try {
        JsonObject result = measure(vertx, hub, scorer, options, password).await();
        out.println(result.encodePrettily());
      } finally {
        hub.close().await();
      }
    } finally {
      vertx.close().await();
    }
    return 0;
  }

  private static String writeEmptyConfig(Path dir) throws java.io.IOException {
    return Files.writeString(dir.resolve("earshot.json"), "{}").toString();
  }

  private static Future<JsonObject> measure(Vertx vertx, Hub hub, TriageEngine scorer, BenchOptions o,
                                            String password) {
    ThroughputRun throughput = new ThroughputRun(hub.pipeline(), hub.mongo(), scorer);
    BenchMentions source = new BenchMentions(42, Math.max(100, o.mentions() / 4));
    List<Double> pipelineRates = new ArrayList<>();
    List<Double> rawRates = new ArrayList<>();
    Future<Void> rounds = Future.succeededFuture();
    for (int r = 0; r < o.rounds(); r++) {
      int round = r;
      rounds = rounds.compose(v -> throughput.pipeline(batch(source, o.mentions())).map(pipelineRates::add))
          .compose(v -> throughput.rawInsert(batch(source, o.mentions()), "bench_raw_" + round).map(rawRates::add))
          .mapEmpty();
    }
    LatencyProbe probe = new LatencyProbe(vertx, hub.port(), hub.ingestToken());
    return rounds.compose(v -> login(vertx, hub.port(), password))
        .compose(probe::connect)
        .compose(v -> probe.run(source, o.rate(), o.seconds()))
        .map(latencies -> report(o, pipelineRates, rawRates, latencies, probe.lost()));
  }

  private static List<Mention> batch(BenchMentions source, int n) {
    List<Mention> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(source.next());
    }
    return list;
  }

  private static Future<String> login(Vertx vertx, int port, String password) {
    return WebClient.create(vertx).post(port, "127.0.0.1", "/api/v1/session")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", password))
        .map(response -> response.cookies().get(0).split(";")[0]);
  }

  private static JsonObject report(BenchOptions o, List<Double> pipeline, List<Double> raw, double[] latencies,
                                   int lost) {
    double pipelineMedian = Stats.median(pipeline.stream().mapToDouble(Double::doubleValue).toArray());
    double rawMedian = Stats.median(raw.stream().mapToDouble(Double::doubleValue).toArray());
    return new JsonObject()
        .put("mentionsPerRound", o.mentions()).put("rounds", o.rounds())
        .put("pipelineMentionsPerSecond", Stats.round(pipelineMedian, 0))
        .put("pipelineRounds", new JsonArray(pipeline.stream().map(d -> Stats.round(d, 0)).toList()))
        .put("rawInsertManyPerSecond", Stats.round(rawMedian, 0))
        .put("rawRounds", new JsonArray(raw.stream().map(d -> Stats.round(d, 0)).toList()))
        .put("pipelineToRawRatio", Stats.round(pipelineMedian / rawMedian, 3))
        .put("latency", new JsonObject().put("ratePerSecond", o.rate()).put("seconds", o.seconds())
            .put("samples", latencies.length).put("missing", lost)
            .put("p50Ms", Stats.round(Stats.percentile(latencies, 50), 1))
            .put("p99Ms", Stats.round(Stats.percentile(latencies, 99), 1))
            .put("maxMs", Stats.round(Stats.percentile(latencies, 100), 1)));
  }
}
