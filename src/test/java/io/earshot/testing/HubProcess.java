package io.earshot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real hub process ({@code java io.earshot.Main serve}, on this JVM's class path, i.e. the
 * code under test) on a given data directory, its output in a log file next to it. It can be
 * killed with SIGKILL, as an operator's {@code kill -9} or the OOM killer would, and started
 * again on the same directory. The ports it chose are read from its log.
 */
public final class HubProcess implements AutoCloseable {
  private static final Pattern UP = Pattern.compile("Earshot is up: dashboard at http://localhost:(\\d+)/");
  private static final Pattern MONGO = Pattern.compile("embedded MongoDB listening on [^:]*:(\\d+) ");
  private final Process process;
  private final Path log;
  private final List<ProcessHandle> children = new ArrayList<>();
  private int httpPort;
  private int mongoPort;

  private HubProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a hub and waits until it answers on HTTP (start-up recovery done). */
  public static HubProcess start(Path dataDir, Map<String, String> env, int run) {
    Path config = write(dataDir.resolveSibling(dataDir.getFileName() + "-earshot.json"), "{}");
    Path connectors = dataDir.resolveSibling(dataDir.getFileName() + "-connectors");
    Path log = dataDir.resolveSibling(dataDir.getFileName() + "-run" + run + ".log");
    try {
      Files.createDirectories(connectors);
      String java = ProcessHandle.current().info().command().orElse("java");
      // A small heap and the quick JIT only: five starts in a row on a shared 2-core machine.
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), "io.earshot.Main", "serve")
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(Map.of("EARSHOT_HTTP_PORT", "0", "EARSHOT_DATA_DIR", dataDir.toString(),
          "EARSHOT_SANDBOX", "off", "EARSHOT_CONFIG", config.toString(), "EARSHOT_CONNECTORS_DIR", connectors.toString()));
      builder.environment().putAll(env);
      HubProcess hub = new HubProcess(builder.start(), log);
      hub.awaitUp(Duration.ofSeconds(60));
      return hub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitUp(Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.readString(log);
      Matcher up = UP.matcher(text);
      Matcher mongo = MONGO.matcher(text);
      if (up.find() && mongo.find()) {
        httpPort = Integer.parseInt(up.group(1));
        mongoPort = Integer.parseInt(mongo.group(1));
        process.descendants().forEach(children::add);
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("hub exited with " + process.exitValue() + " before it was up:\n" + text);
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("hub not up within " + timeout + ":\n" + Files.readString(log));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Its embedded MongoDB, for reading what it really stored with the driver. */
  public String mongoUrl() {
    return "mongodb://127.0.0.1:" + mongoPort;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /**
   * SIGKILL: {@link Process#destroyForcibly()} sends it on Linux, so no shutdown hook runs and
   * nothing is flushed; answers the exit code (137 = 128 + SIGKILL).
   */
  public int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("hub survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops it cleanly (SIGTERM, so it closes its embedded servers); kills what is left. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    // A killed hub leaves its redis-server behind (the next start would stop it via its pid file).
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
