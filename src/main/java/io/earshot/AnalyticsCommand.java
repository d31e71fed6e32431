package io.earshot;

import io.earshot.analytics.Analytics;
import io.earshot.analytics.RollupRebuild;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.runtime.HubVertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code earshot analytics rebuild}: recounts the analytics rollups from the system of record
 * (mentions, cases, replies) with the hub's configuration (embedded MongoDB under the data
 * directory, or {@code MONGO_URL}), replacing what the listener kept. Stop the hub first: on the
 * embedded store the data directory is one process's, and on a shared one the events told during
 * the rebuild would be lost from it. Prints what it read as JSON.
 */
final class AnalyticsCommand {
  private AnalyticsCommand() {
  }

  static int run(String[] args, Map<String, String> env, PrintStream out) throws Exception {
    if (args.length != 1 || !args[0].equals("rebuild")) {
      System.err.println("usage: java -jar earshot.jar analytics rebuild");
      return 2;
    }
    EarshotConfig config = ConfigLoader.load(env);
    HubVertx runtime = HubVertx.create();
    Backends backends = new Backends(runtime.vertx(), config);
    try {
      backends.start().await();
      long start = System.nanoTime();
      RollupRebuild.Outcome outcome = Analytics.rebuild(backends.mongo()).run().await();
      out.println(new JsonObject().put("mentions", outcome.mentions()).put("cases", outcome.cases())
          .put("replies", outcome.replies()).put("rollupDocuments", outcome.documents())
          .put("seconds", (System.nanoTime() - start) / 1e9).encodePrettily());
      return 0;
    } finally {
      backends.close().await();
      runtime.close().await();
    }
  }
}
