package io.earshot.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The MongoDB connection shared by all stores. The official sync driver runs on a dedicated
 * worker pool, so no event loop ever blocks and results come back on the caller's context.
 * Indexes are created at start-up; creating an existing index is a no-op.
 */
public final class MongoStore implements AutoCloseable {
  public static final String MENTIONS = "mentions";
  public static final String CASES = "cases";
  public static final String CUSTOMERS = "customers";
  public static final String REPLIES = "replies";
  public static final String CURSORS = "cursors";
  public static final String SETTINGS = "settings";
  public static final String USERS = "users";
  public static final String SESSIONS = "sessions";
  public static final String AUDIT = "audit";
  public static final String INGEST_JOURNAL = "ingest_journal";
  public static final String ORPHANS = "orphans";
  public static final String BRAND_POSTS = "brand_posts";

  private final MongoClient client;
  private final MongoDatabase db;
  private final WorkerExecutor workers;
  private final Durability durability;

  /**
   * @param writeConcern what a real server must have done before a write counts: by default a
   *     majority of the replica set, in its journal; the embedded server ignores it and
   *     {@code durability} makes its writes durable instead
   */
  public MongoStore(Vertx vertx, String url, String database, WriteConcern writeConcern, Durability durability) {
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(url))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
        .writeConcern(writeConcern)
        .build();
    this.client = MongoClients.create(settings);
    this.db = client.getDatabase(database);
    this.workers = vertx.createSharedWorkerExecutor("earshot-mongo", 16);
    this.durability = durability;
  }

  /** The write concern of {@code earshot.json}/environment: {@code majority} or a member count, journaled or not. */
  public static WriteConcern writeConcern(String w, boolean journal) {
    WriteConcern concern = w.equals("majority") ? WriteConcern.MAJORITY : new WriteConcern(Integer.parseInt(w));
    return concern.withJournal(journal);
  }

  public MongoCollection<Document> collection(String name) {
    return db.getCollection(name);
  }

  /** Runs a blocking read on the Mongo worker pool; calls may run concurrently. */
  public <T> Future<T> run(Callable<T> call) {
    return workers.executeBlocking(call, false);
  }

  /**
   * Runs a blocking write on the Mongo worker pool; the Future completes only once the write is
   * durable (the write concern of a real server, a group commit on the embedded one), so what the
   * hub acknowledges after it survives a crash. Every write goes through here, never {@link #run}.
   */
  public <T> Future<T> write(Callable<T> call) {
    return workers.executeBlocking(() -> durability.write(call), false);
  }

  /**
   * Runs a blocking write that need not be durable on its own, because a later {@link #write}
   * (whose commit persists everything written before it) is what gets acknowledged: e.g. the
   * ingest journal entry opened before its batch's mentions are inserted. It still takes the
   * embedded server's write gate, so no commit ever persists half of it.
   */
  public <T> Future<T> stage(Callable<T> call) {
    return workers.executeBlocking(() -> durability.stage(call), false);
  }

  /** Completes once every write that finished before the call is durable (duplicates are answered after this). */
  public Future<Void> barrier() {
    return workers.executeBlocking(() -> {
      durability.barrier();
      return null;
    }, false);
  }

  /** Pings the server; fails when it cannot be reached. */
  public Future<Void> ping() {
    return run(() -> db.runCommand(new Document("ping", 1))).mapEmpty();
  }

  public Future<Void> createIndexes() {
    return write(() -> {
      IndexOptions unique = new IndexOptions().unique(true);
      collection(MENTIONS).createIndex(Indexes.ascending("platform", "externalId"), unique);
      collection(MENTIONS).createIndex(Indexes.ascending("caseId", "createdAt"));
      collection(MENTIONS).createIndex(Indexes.descending("receivedAt"));
      collection(CASES).createIndex(Indexes.ascending("customerId", "lastMentionAt"));
      collection(CASES).createIndex(Indexes.descending("status", "priority"));
      collection(CASES).createIndex(Indexes.descending("lastMentionAt"));
      collection(REPLIES).createIndex(Indexes.ascending("caseId", "createdAt"));
      collection(REPLIES).createIndex(Indexes.ascending("state", "nextAttemptAt"));
      collection(USERS).createIndex(Indexes.ascending("username"), unique);
      collection(AUDIT).createIndex(Indexes.descending("at"));
      return null;
    });
  }

  @Override
  public void close() {
    client.close();
    workers.close();
  }
}
