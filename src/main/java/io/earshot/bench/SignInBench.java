package io.earshot.bench;

import io.earshot.Hub;
import io.earshot.auth.Passwords;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.runtime.HubVertx;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code earshot bench signin [--attempts N]}: starts a private hub on embedded MongoDB and Redis
 * (believing 127.0.0.1 as a proxy, so the storm can come "from" many addresses) and prints JSON
 * with {@code /api/v1/health} latency while N wrong-password sign-ins arrive at once, first all
 * for one account from one address, then each for a different name from a different address,
 * plus the answer times of wrong passwords for a known and an unknown name; an unmeasured round of
 * both storms warms the hub up first, and a burst of as many anonymous requests (401 at once, no
 * password work) shows what the burst of connections alone costs on this machine. The storm's clients
 * run on a Vert.x of their own in the same process, so they share the machine with the hub.
 */
public final class SignInBench {
  private SignInBench() {
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    int attempts = args.length >= 2 && args[0].equals("--attempts") ? Integer.parseInt(args[1]) : 200;
    Path dir = BenchDirs.temporary("earshot-bench-signin");
    String password = Passwords.token();
    EarshotConfig config = ConfigLoader.load(Map.of("EARSHOT_DATA_DIR", dir.toString(),
        "EARSHOT_HTTP_PORT", "0", "EARSHOT_SANDBOX", "off", "EARSHOT_ADMIN_PASSWORD", password,
        "EARSHOT_TRUSTED_PROXIES", "127.0.0.1", "EARSHOT_CONNECTORS_DIR", dir.resolve("no-connectors").toString(),
        "EARSHOT_CONFIG", Files.writeString(dir.resolve("earshot.json"), "{}").toString()));
    HubVertx hubVertx = HubVertx.create();
    Vertx clients = Vertx.vertx();
    try {
      Hub hub = Hub.start(hubVertx, config, Map.of(), TriageEngine.withDefaults(), Connectors::create).await();
      try {
        JsonObject result = new SignInStorm(clients, hub.port(), password).run(attempts).await();
        // The machine's load matters: on a shared box, other processes' work shows up as latency here.
        out.println(new JsonObject().put("signIn", result.put("passwordThreads", config.security().passwordThreads())
            .put("cores", Runtime.getRuntime().availableProcessors())
            .put("loadAverage1m", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).encodePrettily());
      } finally {
        hub.close().await();
      }
    } finally {
      clients.close().await();
      hubVertx.close().await();
    }
    return 0;
  }
}
