package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.auth.Passwords;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.domain.Mention;
import io.earshot.runtime.HubVertx;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code earshot bench [--mentions N] [--rounds R] [--rate R] [--seconds S] [--fsync on|off|both]}:
 * starts a private hub on embedded MongoDB and Redis in a temporary directory for each
 * embedded-store mode (a group commit forced to the disk, or only written to the file), and
 * measures, in alternating rounds so that a noisy machine affects all alike, the durable
 * pipeline's throughput against the raw {@code insertMany} of the same documents on the same
 * store, without and with a commit; medians and ratios. On the first mode it then measures the
 * ingest-to-WebSocket latency at a steady rate. Prints one JSON object.
 */
public final class BenchCommand {
  private BenchCommand() {
  }

  /**
   * One hub under measurement, with the mode it runs in and its own source of mentions: the same
   * seed for every hub, so each mode gets the same workload (replies to the same customers' posts).
   */
  private record Target(boolean fsync, HubVertx runtime, Hub hub, String password, BenchReport.Mode mode,
                        BenchMentions source) {
    Vertx vertx() {
      return runtime.vertx();
    }
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    if (args.length > 0 && args[0].equals("analytics")) {
      return AnalyticsBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("detection")) {
      return DetectionBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("signin")) {
      return SignInBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("inbox")) {
      return InboxBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("notices")) {
      return NoticeBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out);
    }
    BenchOptions options = BenchOptions.parse(args);
    TriageEngine scorer = TriageEngine.withDefaults();
    List<Target> targets = new ArrayList<>();
    try {
      for (boolean fsync : options.fsyncModes()) {
        targets.add(start(fsync, scorer, Math.max(100, options.mentions() / 4)));
      }
      for (int r = 0; r < options.rounds(); r++) {
        // Every other round the other mode goes first, so neither always meets a warmer machine.
        List<Target> order = new ArrayList<>(targets);
        if (r % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Target t : order) {
          round(t, scorer, options.mentions(), r);
        }
      }
      measureLatency(targets.get(0), options);
      out.println(BenchReport.json(options, targets.stream().map(Target::mode).toList()).encodePrettily());
    } finally {
      for (Target t : targets) {
        t.hub().close().await();
        t.runtime().close().await();
      }
    }
    return 0;
  }

  private static Target start(boolean fsync, TriageEngine scorer, int customers) throws Exception {
    Path dir = BenchDirs.temporary("earshot-bench");
    String password = Passwords.token();
    EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(),
        "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_EMBEDDED_FSYNC", fsync ? "on" : "off",
        "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(),
        "EARSHOT_CONFIG", Files.writeString(dir.resolve("earshot.json"), "{}").toString()));
    HubVertx runtime = HubVertx.create();
    try {
      Hub hub = Hub.start(runtime, config, Map.of(), scorer, Connectors::create).await();
      return new Target(fsync, runtime, hub, password, new BenchReport.Mode().withFsync(fsync),
          new BenchMentions(42, customers));
    } catch (Exception e) {
      runtime.close().await();
      throw e;
    }
  }

  /** Pipeline, raw insert and durable raw insert of fresh mentions, one after the other. */
  private static void round(Target t, TriageEngine scorer, int n, int round) {
    ThroughputRun run = new ThroughputRun(t.hub().pipeline(), t.hub().mongo(), scorer);
    t.mode().pipeline().add(run.pipeline(batch(t.source(), n)).await());
    t.mode().raw().add(run.rawInsert(batch(t.source(), n), "bench_raw_" + round).await());
    t.mode().rawDurable().add(run.rawDurableInsert(batch(t.source(), n), "bench_durable_" + round).await());
  }

  private static void measureLatency(Target t, BenchOptions o) {
    BenchMentions source = t.source();
    LatencyProbe probe = new LatencyProbe(t.vertx(), t.hub().port(), t.hub().ingestToken());
    double[] latencies = login(t.vertx(), t.hub().port(), t.password())
        .compose(probe::connect)
        .compose(v -> probe.run(source, o.rate(), o.seconds()))
        .await();
    t.mode().withLatency(latencies, probe.lost());
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
}
