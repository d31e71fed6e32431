package io.earshot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The redis-server binary shipped in embedded-redis, on a free 127.0.0.1 port. It keeps nothing
 * on disk (Redis only carries short-lived state here) and writes a pid file so the next start
 * can stop a server orphaned by a killed run.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final int FREE_PORT_ATTEMPTS = 3;
  private final RedisServer server;
  private final int port;
  private final Path pidFile;

  private EmbeddedRedis(RedisServer server, int port, Path pidFile) {
    this.server = server;
    this.port = port;
    this.pidFile = pidFile;
  }

  public static EmbeddedRedis start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts on a given port (0: a free one). A fixed port lets a test stop Redis and start it
   * again where the hub's clients expect it, as an operator restarts a Redis server.
   */
  public static EmbeddedRedis start(Path dataDir, int fixedPort) {
    try {
      Files.createDirectories(dataDir);
      Path pidFile = dataDir.resolve("redis.pid").toAbsolutePath();
      stopOrphan(pidFile);
      if (fixedPort != 0) {
        return startOn(dataDir, pidFile, fixedPort);
      }
      return startOnFreePort(dataDir, pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Redis", e);
    }
  }

  /**
   * redis-server cannot be told to pick a port itself, so a free one is found first; another
   * process may take it in between (on a busy machine it happens), and then the next is tried.
   */
  private static EmbeddedRedis startOnFreePort(Path dataDir, Path pidFile) throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        return startOn(dataDir, pidFile, port);
      } catch (IOException | RuntimeException e) {
        LOG.warn("embedded Redis did not start on port {} ({}); trying another", port, e.getMessage());
        last = e instanceof IOException io ? io : new IOException(e);
      }
    }
    throw last;
  }

  private static EmbeddedRedis startOn(Path dataDir, Path pidFile, int port) throws IOException {
    RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
        .setting("save \"\"").setting("appendonly no").setting("pidfile " + pidFile)
        .setting("dir " + dataDir.toAbsolutePath())
        // Our own shutdown stops it after the hub is closed; its library hook would stop it
        // first, leaving the hub's last Redis calls to hang on reconnects. A run killed
        // outright is covered by the pid file.
        .onShutdownForceStop(false).build();
    server.start();
    LOG.info("embedded Redis listening on 127.0.0.1:{}", port);
    return new EmbeddedRedis(server, port, pidFile);
  }

  /** A previous run killed with -9 leaves its redis-server running; stop it before we start. */
  private static void stopOrphan(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String text = Files.readString(pidFile).trim();
    Files.deleteIfExists(pidFile);
    Optional<ProcessHandle> orphan;
    try {
      orphan = ProcessHandle.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return;
    }
    orphan.filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
        .ifPresent(p -> {
          LOG.warn("stopping orphaned embedded redis-server pid={} left by a killed run", p.pid());
          p.destroy();
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      server.stop();
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
    }
  }
}
