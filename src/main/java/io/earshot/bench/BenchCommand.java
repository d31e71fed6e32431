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
 * for each embedded-store mode (a group commit forced to the disk, or only written to the file),
 * starts a private hub on embedded MongoDB and Redis in a temporary directory and measures the
 * durable pipeline's throughput against the raw {@code insertMany} of the same documents on the
 * same store, without and with a commit (alternating rounds, medians and ratios); on the first
 * mode also the ingest-to-WebSocket latency at a steady rate. Prints one JSON object.
 */
public final class BenchCommand {
  private BenchCommand() {
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    List<BenchReport.Mode> modes = new ArrayList<>();
    for (boolean fsync : options.fsyncModes()) {
      modes.add(measureOn(fsync, options, modes.isEmpty()));
    }
    out.println(BenchReport.json(options, modes).encodePrettily());
    return 0;
  }

  private static BenchReport.Mode measureOn(boolean fsync, BenchOptions options, boolean withLatency) throws Exception {
    Path dir = Files.createTempDirectory("earshot-bench");
    String password = Passwords.token();
    EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(),
        "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_EMBEDDED_FSYNC", fsync ? "on" : "off",
        "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(), "EARSHOT_CONFIG", writeEmptyConfig(dir)));
    Vertx vertx = Vertx.vertx();
    TriageEngine scorer = TriageEngine.withDefaults();
    try {
      Hub hub = Hub.start(vertx, config, Map.of(), scorer, Connectors::create).await();
      try {
        return measure(vertx, hub, scorer, options, password, withLatency).map(m -> m.withFsync(fsync)).await();
      } finally {
        hub.close().await();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static String writeEmptyConfig(Path dir) throws java.io.IOException {
    return Files.writeString(dir.resolve("earshot.json"), "{}").toString();
  }

  private static Future<BenchReport.Mode> measure(Vertx vertx, Hub hub, TriageEngine scorer, BenchOptions o,
                                                  String password, boolean withLatency) {
    ThroughputRun throughput = new ThroughputRun(hub.pipeline(), hub.mongo(), scorer);
    BenchMentions source = new BenchMentions(42, Math.max(100, o.mentions() / 4));
    BenchReport.Mode mode = new BenchReport.Mode();
    Future<Void> rounds = Future.succeededFuture();
    for (int r = 0; r < o.rounds(); r++) {
      int round = r;
      rounds = rounds.compose(v -> throughput.pipeline(batch(source, o.mentions())).map(mode.pipeline()::add))
          .compose(v -> throughput.rawInsert(batch(source, o.mentions()), "bench_raw_" + round).map(mode.raw()::add))
          .compose(v -> throughput.rawDurableInsert(batch(source, o.mentions()), "bench_durable_" + round)
              .map(mode.rawDurable()::add))
          .mapEmpty();
    }
    if (!withLatency) {
      return rounds.map(mode);
    }
    LatencyProbe probe = new LatencyProbe(vertx, hub.port(), hub.ingestToken());
    return rounds.compose(v -> login(vertx, hub.port(), password))
        .compose(probe::connect)
        .compose(v -> probe.run(source, o.rate(), o.seconds()))
        .map(latencies -> mode.withLatency(latencies, probe.lost()));
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
