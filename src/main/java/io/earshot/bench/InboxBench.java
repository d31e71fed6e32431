package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.auth.Passwords;
import io.earshot.config.ConfigLoader;
import io.earshot.connector.Connectors;
import io.earshot.find.WaitingCases;
import io.earshot.runtime.HubVertx;
import io.earshot.store.BulkSeed;
import io.earshot.store.CaseQuery;
import io.earshot.store.CaseStore;
import io.earshot.store.InboxEntries;
import io.earshot.store.MentionStore;
import io.earshot.triage.TriageEngine;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code earshot bench inbox [--mentions N] [--cases C] [--open O] [--samples S] [--today-samples T]}:
 * seeds a year of history into a private hub on the embedded stores (default 1,000,000 mentions,
 * 200,000 cases, 5,000 of them open) and rebuilds its inbox index from MongoDB as a start-up
 * without an index does, timing both; then measures over HTTP, as a dashboard asks, p50/p95 of the inbox
 * list, filters, searches, counts, deep cursor pages and opening a case; and beside them "today":
 * the same lists through the collection scans the hub used before the index ({@code CaseStore.list},
 * {@code MentionStore.list}). Prints one JSON object.
 */
final class InboxBench {
  private static final Logger LOG = LoggerFactory.getLogger(InboxBench.class);

  private InboxBench() {
  }

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, Integer> o = options(args);
    Path dir = BenchDirs.temporary("earshot-bench-inbox");
    String password = Passwords.token();
    TriageEngine scorer = TriageEngine.withDefaults();
    JsonObject report = new JsonObject().put("mentions", o.get("mentions")).put("cases", o.get("cases"))
        .put("open", o.get("open"));
    try {
      withHub(dir, password, scorer, hub -> {
        long seedStart = System.nanoTime();
        List<String> ids = new InboxSeeder(new BulkSeed(hub.mongo()), scorer)
            .seed(o.get("cases"), o.get("mentions"), o.get("open"));
        report.put("seedSeconds", seconds(seedStart));
        LOG.info("bench inbox: seeded in {} s", report.getValue("seedSeconds"));
        long rebuildStart = System.nanoTime();
        hub.finder().rebuild().await();
        report.put("indexRebuildSeconds", seconds(rebuildStart));
        LOG.info("bench inbox: index rebuilt in {} s", report.getValue("indexRebuildSeconds"));
        report.put("catchUpQuery", InboxProbe.stats(5, 1, () -> new InboxEntries(hub.mongo())
            .changedSince(java.time.Instant.now(), 5_000).await()));
        // What the priority refresher reads every minute (500 cases), from the index by _id.
        report.put("waitingCases", InboxProbe.stats(5, 1, () -> new WaitingCases(hub.finder()::leastRecentlyChanged,
            new CaseStore(hub.mongo())).oldestChangedFirst(500).await()));
        InboxProbe probe = new InboxProbe(hub, password, o.get("samples"));
        report.put("now", probe.measure(ids));
        // Printed before the old scans run: at a million mentions they may outlast the driver's read timeout.
        LOG.info("bench inbox: figures so far {}", report.encode());
        report.put("today", today(hub, probe, o.get("today-samples")));
        probe.close();
        return null;
      });
    } finally {
      BenchDirs.delete(dir);
    }
    out.println(report.encodePrettily());
    return 0;
  }

  /**
   * The lists as the hub answered them before the index: the scans of {@code CaseStore.list} and
   * {@code MentionStore.list}. Once one outlasts the driver's read timeout the rest are not run:
   * the embedded server keeps computing the one that failed (holding its collection), and a scan
   * of every mention at 1,000,000 would hold the server, and the hub's close, for many minutes.
   */
  private static JsonObject today(Hub hub, InboxProbe probe, int samples) {
    CaseStore cases = new CaseStore(hub.mongo());
    MentionStore mentions = new MentionStore(hub.mongo());
    Map<String, Supplier<JsonObject>> scans = new java.util.LinkedHashMap<>();
    scans.put("list_priority", () -> InboxProbe.stats(samples, 0,
        () -> cases.list(new CaseQuery(null, null, true, 50)).await()));
    scans.put("list_newest", () -> InboxProbe.stats(samples, 0,
        () -> cases.list(new CaseQuery(null, null, false, 50)).await()));
    scans.put("waiting_cases", () -> InboxProbe.stats(samples, 0, () -> cases.waiting(500).await()));
    scans.put("mentions_platform", () -> InboxProbe.stats(samples, 0, () -> mentions.list("x", 1).await()));
    JsonObject today = new JsonObject();
    boolean failed = false;
    for (Map.Entry<String, Supplier<JsonObject>> scan : scans.entrySet()) {
      JsonObject figure = failed ? new JsonObject().put("notRun", "an earlier scan outlasted the driver's timeout")
          : orFailure(scan.getValue());
      failed = failed || figure.containsKey("failure");
      today.put(scan.getKey(), figure);
    }
    return today;
  }

  /** A scan that fails (at a large size: longer than the driver's read timeout) is reported as that failure. */
  private static JsonObject orFailure(Supplier<JsonObject> scan) {
    long t0 = System.nanoTime();
    try {
      return scan.get();
    } catch (RuntimeException e) {
      return new JsonObject().put("failedAfterSeconds", seconds(t0)).put("failure", e.toString());
    }
  }

  private interface WithHub<T> {
    T run(Hub hub) throws Exception;
  }

  private static <T> T withHub(Path dir, String password, TriageEngine scorer, WithHub<T> work) throws Exception {
    var config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(), "EARSHOT_HTTP_PORT", "0",
        "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(),
        "EARSHOT_CONFIG", Files.writeString(dir.resolve("earshot.json"), "{}").toString()));
    HubVertx runtime = HubVertx.create();
    try {
      Hub hub = Hub.start(runtime, config, Map.of(), scorer, Connectors::create).await();
      try {
        return work.run(hub);
      } finally {
        hub.close().await();
      }
    } finally {
      runtime.close().await();
    }
  }

  private static double seconds(long since) {
    return Stats.round((System.nanoTime() - since) / 1e9, 1);
  }

  private static Map<String, Integer> options(String[] args) {
    Map<String, Integer> o = new java.util.HashMap<>(Map.of("mentions", 1_000_000, "cases", 200_000, "open", 5_000,
        "samples", 40, "today-samples", 1));
    for (int i = 0; i + 1 < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!o.containsKey(key)) {
        throw new IllegalArgumentException("unknown option " + args[i] + " (known: " + o.keySet() + ")");
      }
      o.put(key, Integer.parseInt(args[i + 1].replace("_", "")));
    }
    return o;
  }

}
