package io.earshot.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server) with its H2 file backend, so a
 * newcomer's data survives a restart and a crash: writes are committed by {@link GroupCommit}
 * before they are acknowledged. It has no transactions, TTL or change streams without the
 * oplog: the store layer only uses single-document atomic writes and idempotent upserts.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
  /**
   * The server runs every command on the Netty thread of its connection, and a command on a
   * collection waits there for that collection's lock; with Netty's default (two per core) one
   * long scan of {@code cases} stalled every connection sharing those threads, new connections'
   * handshakes too, so the driver timed out after 2 s "waiting for a connection" and the hub read
   * the store as down ({@code bench inbox} at 200,000 mentions). One thread per connection the
   * hub can open at once (16 store workers, the health probe, the driver's monitors), with room.
   */
  private static final int WORKER_THREADS = 32;
  /**
   * H2's file system that reopens the file when a thread is interrupted in the middle of I/O. An
   * interrupt closes a plain FileChannel for every thread, and the store then fails all later
   * writes and its close ("Writing to FileChannel failed"): a worker pool shut down with
   * {@code shutdownNow()} while one of its threads was committing was enough.
   */
  private static final String RETRY_ON_INTERRUPT = "retry:";
  /** H2's own default, for tests and tools that start a server without a configuration. */
  private static final int DEFAULT_CACHE_MB = 16;
  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  private final int port;
  private final GroupCommit durability;

  private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address, GroupCommit durability) {
    this.backend = backend;
    this.server = server;
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    this.port = address.getPort();
    this.durability = durability;
  }

  /**
   * Starts on a free 127.0.0.1 port with its data in {@code dataDir/mongo.mv}. The store never
   * commits on its own (no delay, no buffer threshold): only {@link #durability()} commits,
   * between whole operations; {@code fsync} also forces each commit to the disk.
   */
  public static EmbeddedMongo start(Path dataDir, boolean fsync) {
    return start(dataDir, fsync, 0);
  }

  /**
   * Starts on a given 127.0.0.1 port (0: a free one). A fixed port lets a test stop the server and
   * start it again where its clients expect it, on the same data file, as an operator restarts one.
   */
  public static EmbeddedMongo start(Path dataDir, boolean fsync, int port) {
    return start(dataDir, fsync, port, DEFAULT_CACHE_MB);
  }

  /** Starts as {@link #start(Path, boolean, int)} with a page cache of {@code cacheMb} megabytes. */
  public static EmbeddedMongo start(Path dataDir, boolean fsync, int port, int cacheMb) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    Path file = dataDir.resolve("mongo.mv");
    MVStore store = new MVStore.Builder().fileName(RETRY_ON_INTERRUPT + file)
        .autoCommitDisabled().autoCommitBufferSize(0).cacheSize(cacheMb).open();
    H2Backend backend = new KeyedH2Backend(store);
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", port), 1, WORKER_THREADS);
    InetSocketAddress address = server.getLocalAddress();
    LOG.info("embedded MongoDB listening on {} with data in {} (page cache {} MB)", address, file, cacheMb);
    return new EmbeddedMongo(backend, server, address, new GroupCommit(store, fsync));
  }

  /** What every write through {@link MongoStore} goes through to be on disk before it is acknowledged. */
  public Durability durability() {
    return durability;
  }

  public String connectionString() {
    return connectionString;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.shutdown();
    durability.barrier();
    durability.closeExclusively(backend::close);
    LOG.info("embedded MongoDB stopped");
  }
}
