package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.analytics.Analytics;
import io.earshot.analytics.RollupRebuild;
import io.earshot.auth.Passwords;
import io.earshot.brand.BrandFile;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.domain.Mention;
import io.earshot.runtime.HubVertx;
import io.earshot.store.MongoStore;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code earshot bench analytics [--mentions N] [--cases N] [--samples N] [--ingest N] [--rounds N]}:
 * (1) the ingest pipeline's throughput on two fresh hubs, one keeping the analytics rollups and
 * one not, in alternating rounds of the same workload; (2) a hub seeded with a year of
 * {@code --mentions} mentions and {@code --cases} cases, its rollups made by the rebuild (the
 * listener's counting code), then {@code GET /api/v1/analytics/overview} over HTTP for random
 * 30-day ranges and for the whole year. Prints one JSON object.
 */
public final class AnalyticsBench {
  private AnalyticsBench() {
  }

  private record Options(int mentions, int cases, int samples, int ingest, int rounds) {
    static Options parse(String[] args) {
      int[] v = {1_000_000, 200_000, 40, 20_000, 3};
      String[] names = {"--mentions", "--cases", "--samples", "--ingest", "--rounds"};
      for (int i = 0; i + 1 < args.length; i += 2) {
        int at = List.of(names).indexOf(args[i]);
        if (at < 0) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
        v[at] = Integer.parseInt(args[i + 1]);
      }
      return new Options(v[0], v[1], v[2], v[3], v[4]);
    }
  }

  private record Running(HubVertx runtime, Hub hub, String password) {
    void close() {
      hub.close().await();
      runtime.close().await();
    }
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    Options o = Options.parse(args);
    TriageEngine scorer = TriageEngine.withDefaults();
    // --rounds 0 measures the overview alone.
    JsonObject report = new JsonObject().put("ingest", o.rounds() == 0 ? null : ingestCost(o, scorer));
    report.put("overview", overview(o, scorer));
    out.println(report.encodePrettily());
    return 0;
  }

  /**
   * One fresh hub per round and mode, started and stopped alone: on a shared machine two hubs at
   * once starve each other's embedded store, and a fresh store makes every round alike.
   */
  private static JsonObject ingestCost(Options o, TriageEngine scorer) throws Exception {
    List<Double> on = new ArrayList<>();
    List<Double> off = new ArrayList<>();
    List<Double> settledOn = new ArrayList<>();
    List<Double> settledOff = new ArrayList<>();
    for (int r = 0; r < o.rounds(); r++) {
      // Alternate which mode goes first, so neither always meets a warmer machine.
      for (int k = 0; k < 2; k++) {
        boolean rollups = (r % 2 == 0) == (k == 0);
        Running t = start(rollups, scorer);
        try {
          long start = System.nanoTime();
          double rate = new ThroughputRun(t.hub().pipeline(), t.hub().mongo(), scorer)
              .pipeline(batch(new BenchMentions(42 + r, Math.max(100, o.ingest() / 4)), o.ingest())).await();
          (rollups ? on : off).add(rate);
          awaitTold(t);
          (rollups ? settledOn : settledOff).add(Stats.round(o.ingest() / seconds(start), 1));
        } finally {
          t.close();
        }
      }
    }
    double medianOn = Stats.median(on.stream().mapToDouble(Double::doubleValue).toArray());
    double medianOff = Stats.median(off.stream().mapToDouble(Double::doubleValue).toArray());
    return new JsonObject().put("mentionsPerRound", o.ingest()).put("rounds", o.rounds())
        .put("withRollupsPerSecond", new JsonArray(on)).put("withoutRollupsPerSecond", new JsonArray(off))
        .put("medianWith", Stats.round(medianOn, 1)).put("medianWithout", Stats.round(medianOff, 1))
        .put("cost", Stats.round(1 - medianOn / medianOff, 3))
        .put("settledWithPerSecond", new JsonArray(settledOn)).put("settledWithoutPerSecond", new JsonArray(settledOff))
        .put("settledCost", Stats.round(1 - median(settledOn) / median(settledOff), 3));
  }

  private static double median(List<Double> values) {
    return Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Waits until every batch's events were told to every listener (its journal entry is closed
   * only then), so that "settled" counts the rollups keeping up, not only the mentions stored.
   */
  private static void awaitTold(Running t) throws InterruptedException {
    while (t.hub().mongo().run(() -> t.hub().mongo().collection(MongoStore.INGEST_JOURNAL).countDocuments()).await() > 0) {
      Thread.sleep(20);
    }
  }

  private static JsonObject overview(Options o, TriageEngine scorer) throws Exception {
    Running t = start(true, scorer);
    try {
      Instant end = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
      long seedStart = System.nanoTime();
      new AnalyticsSeed(t.hub().mongo(), scorer, end).seed(o.mentions(), o.cases()).await();
      double seeded = seconds(seedStart);
      long rebuildStart = System.nanoTime();
      RollupRebuild.Outcome rebuilt = Analytics.rebuild(t.hub().mongo()).run().await();
      double rebuild = seconds(rebuildStart);
      WebClient client = WebClient.create(t.runtime().vertx());
      String cookie = login(client, t);
      LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
      SplittableRandom random = new SplittableRandom(11);
      double[] month = new double[o.samples()];
      long yearMentions = 0;
      for (int i = 0; i < o.samples(); i++) {
        LocalDate from = last.minusDays(29 + random.nextInt(335));
        month[i] = timed(client, t, cookie, from, from.plusDays(29))[0];
      }
      double[] year = new double[Math.max(5, o.samples() / 4)];
      for (int i = 0; i < year.length; i++) {
        double[] r = timed(client, t, cookie, last.minusDays(364), last);
        year[i] = r[0];
        yearMentions = (long) r[1];
      }
      return new JsonObject().put("mentions", rebuilt.mentions()).put("cases", rebuilt.cases())
          .put("rollupDocuments", rebuilt.documents()).put("seedSeconds", Stats.round(seeded, 1))
          .put("rebuildSeconds", Stats.round(rebuild, 1)).put("yearMentionsAnswered", yearMentions)
          .put("days30", percentiles(month)).put("year", percentiles(year));
    } finally {
      t.close();
    }
  }

  /** One overview request: milliseconds, and the mentions it counted. */
  private static double[] timed(WebClient client, Running t, String cookie, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    JsonObject body = client.get(t.hub().port(), "127.0.0.1", "/api/v1/analytics/overview?from=" + from + "&to=" + to)
        .putHeader("Cookie", cookie).send().await().bodyAsJsonObject();
    return new double[] {(System.nanoTime() - start) / 1e6, body.getLong("mentions")};
  }

  private static JsonObject percentiles(double[] ms) {
    return new JsonObject().put("samples", ms.length).put("p50Ms", Stats.round(Stats.median(ms), 1))
        .put("p95Ms", Stats.round(Stats.percentile(ms, 95), 1)).put("maxMs", Stats.round(Stats.percentile(ms, 100), 1));
  }

  private static Running start(boolean rollups, TriageEngine scorer) throws Exception {
    Path dir = BenchDirs.temporary("earshot-bench-analytics");
    // The brands the seed writes mentions for; the overview of all brands reads the known ones.
    Files.createDirectories(dir.resolve("no-connectors"));
    Files.writeString(dir.resolve("no-connectors").resolve(BrandFile.NAME), AnalyticsSeed.BRANDS_JSON);
    String password = Passwords.token();
    EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(),
        "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_ANALYTICS_ROLLUPS", rollups ? "on" : "off",
        "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(),
        "EARSHOT_CONFIG", Files.writeString(dir.resolve("earshot.json"), "{}").toString()));
    HubVertx runtime = HubVertx.create();
    try {
      return new Running(runtime, Hub.start(runtime, config, Map.of(), scorer, Connectors::create).await(), password);
    } catch (Exception e) {
      runtime.close().await();
      throw e;
    }
  }

  private static String login(WebClient client, Running t) {
    return client.post(t.hub().port(), "127.0.0.1", "/api/v1/session")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", t.password()))
        .await().cookies().get(0).split(";")[0];
  }

  private static List<Mention> batch(BenchMentions source, int n) {
    List<Mention> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(source.next());
    }
    return list;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
