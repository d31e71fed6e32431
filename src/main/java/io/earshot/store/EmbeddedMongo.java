package io.earshot.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server) with its H2 file backend, so a
 * newcomer's data survives a restart. It has no transactions, TTL or change streams without the
 * oplog: the store layer only uses single-document atomic writes and idempotent upserts.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address) {
    this.backend = backend;
    this.server = server;
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** Starts on a free 127.0.0.1 port with its data in {@code dataDir/mongo.mv}. */
  public static EmbeddedMongo start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    Path file = dataDir.resolve("mongo.mv");
    H2Backend backend = new H2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    LOG.info("embedded MongoDB listening on {} with data in {}", address, file);
    return new EmbeddedMongo(backend, server, address);
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    server.shutdown();
    backend.close();
    LOG.info("embedded MongoDB stopped");
  }
}
