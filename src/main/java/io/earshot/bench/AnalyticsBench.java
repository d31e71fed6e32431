package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.analytics.Analytics;
import io.earshot.analytics.RollupRebuild;
import io.earshot.auth.Passwords;
import io.earshot.brand.BrandFile;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.runtime.HubVertx;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code earshot bench analytics [--mentions N] [--cases N] [--samples N] [--ingest N] [--rounds N]}:
 * (1) the ingest pipeline's throughput on fresh hubs with and without the analytics rollups
 * ({@link IngestCost}); (2) a hub seeded with a year of
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

  record Running(HubVertx runtime, Hub hub, String password) {
    void close() {
      hub.close().await();
      runtime.close().await();
    }
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    Options o = Options.parse(args);
    TriageEngine scorer = TriageEngine.withDefaults();
    // --rounds 0 measures the overview alone.
    JsonObject report = new JsonObject().put("ingest", o.rounds() == 0 ? null
        : new IngestCost(o.ingest(), o.rounds(), scorer).measure());
    report.put("overview", overview(o, scorer));
    out.println(report.encodePrettily());
    return 0;
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

  static Running start(boolean rollups, TriageEngine scorer) throws Exception {
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

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
