package io.earshot;

import io.earshot.bench.BenchCommand;
import io.earshot.config.ConfigException;
import io.earshot.config.ConfigLoader;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.Connectors;
import io.earshot.triage.EvalCommand;
import io.earshot.triage.ScoreCommand;
import io.earshot.triage.Scorer;
import io.earshot.triage.TrainCommand;
import io.earshot.triage.TriageSetup;
import io.earshot.runtime.HubVertx;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar earshot.jar [serve|score|eval|train|bench|analytics]}. The only place that reads the process
 * environment: everything else receives the typed configuration.
 */
public final class Main {
  /**
   * Looked up when first used, not when Main loads: starting the logging back end costs a
   * quarter of a second of CPU that {@code score}, which logs nothing, need not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(Main.class);
  }

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int code = switch (command) {
      case "serve" -> serve(System.getenv());
      case "score" -> ScoreCommand.runProcess(System.in, System.out);
      case "eval" -> EvalCommand.run(rest, System.out);
      case "train" -> TrainCommand.run(rest, System.out);
      case "bench" -> BenchCommand.run(rest, System.out);
      case "analytics" -> AnalyticsCommand.run(rest, System.getenv(), System.out);
      case "help", "--help", "-h" -> usage(0);
      default -> usage(2);
    };
    if (code != 0 || !command.equals("serve")) {
      System.exit(code);
    }
  }

  private static int usage(int code) {
    System.err.println("usage: java -jar earshot.jar [serve|score|eval|train|bench|analytics]");
    System.err.println("  serve  run the hub (default); configuration from earshot.json and the environment");
    System.err.println("  score  score stdin (text or JSONL lines) to JSONL on stdout");
    System.err.println("  eval   cross-source evaluation of triage on the labelled data sets [--data DIR]");
    System.err.println("  train  retrain the bundled sentiment model [--data DIR] [--out DIR]");
    System.err.println("  bench  measure the ingest pipeline and live latency; prints JSON (bench analytics: the analytics figures)");
    System.err.println("  analytics rebuild  recount the analytics rollups from the stored mentions, cases and replies");
    return code;
  }

  private static int serve(Map<String, String> env) throws InterruptedException {
    EarshotConfig config;
    Scorer scorer;
    try {
      config = ConfigLoader.load(env);
      scorer = TriageSetup.fromDataDir(config.stores().dataDir());
    } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
      System.err.println("earshot: configuration error: " + e.getMessage());
      return 2;
    }
    HubVertx runtime = HubVertx.create();
    CountDownLatch started = new CountDownLatch(1);
    boolean[] ok = new boolean[1];
    Hub.start(runtime, config, env, scorer, Connectors::create).onComplete(result -> {
      ok[0] = result.succeeded();
      if (result.succeeded()) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runtime, result.result()), "earshot-shutdown"));
      } else {
        log().error("Earshot could not start", result.cause());
      }
      started.countDown();
    });
    started.await();
    if (!ok[0]) {
      runtime.close();
      return 1;
    }
    return 0;
  }

  /**
   * Runs on SIGTERM/Ctrl-C. Waits on the futures from this (non-Vert.x) thread with a bound, so a
   * stuck dependency can delay shutdown but never hang it; work in flight is safe either way
   * (the ingest journal and the outbox finish it after a restart).
   */
  private static void stop(HubVertx runtime, Hub hub) {
    try {
      hub.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      log().warn("hub did not stop cleanly: {}", e.toString());
    }
    try {
      runtime.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log().warn("Vert.x did not stop cleanly: {}", e.toString());
    }
  }
}
