package io.earshot.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The MongoDB connection shared by all stores. The official sync driver runs on a dedicated
 * worker pool, so no event loop ever blocks and results come back on the caller's context.
 * Indexes are created at start-up; creating an existing index is a no-op. When the server cannot
 * be reached, every Future fails within about {@link #SELECTION_TIMEOUT_MS} with
 * {@link io.earshot.error.DomainError.Unavailable} (the API answers 503), and the driver
 * reconnects by itself once the server is back.
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
  public static final String EVENT_QUEUE = "event_queue";
  public static final String POLICIES = "policies";
  public static final String WEBHOOKS = "webhooks";
  public static final String BRANDS = "brands";
  public static final String WEBHOOK_DELIVERIES = "webhook_deliveries";
  public static final String WEBHOOK_DUE = "webhook_due";
  public static final String BUDGETS = "connector_budgets";
  public static final String CONNECTOR_SWITCHES = "connector_switches";
  public static final String OAUTH_TOKENS = "connector_tokens";
  public static final String PUBLISH_ATTEMPTS = "connector_publish_attempts";
  public static final String NOTES = "notes";
  public static final String SNOOZES = "snoozes";
  public static final String TAG_LIST = "tag_list";
  public static final String SAVED_REPLIES = "saved_replies";
  public static final String BROADCASTS = "broadcasts";
  public static final String BROADCAST_NOTICES = "broadcast_notices";
  public static final String NOTICE_PACING = "notice_pacing";
  public static final String ENGAGEMENT_SAMPLES = "engagement_samples";

  /**
   * How long an operation waits for a reachable server. The 10 s used before (the driver's own
   * default is 30 s) held requests and worker threads that long during an outage; 2 s answers
   * callers quickly, and a replica-set election is ridden out by the client retrying after 503.
   */
  static final int SELECTION_TIMEOUT_MS = 2_000;
  /**
   * The longest a single reply may take on an open connection. It must exceed the slowest
   * legitimate operation (a collection scan of 50,000 cases on the embedded server takes up
   * to 16 s), and it bounds a server that accepts connections but no longer answers.
   */
  private static final int READ_TIMEOUT_MS = 30_000;
  private final MongoClient client;
  private final MongoDatabase db;
  private final WorkerExecutor workers;
  private final WorkerExecutor probe;
  private final Durability durability;
  private final MongoAvailability availability;

  /**
   * @param writeConcern what a real server must have done before a write counts: by default a
   *     majority of the replica set, in its journal; the embedded server ignores it and
   *     {@code durability} makes its writes durable instead
   */
  public MongoStore(Vertx vertx, String url, String database, WriteConcern writeConcern, Durability durability) {
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(url))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .applyToConnectionPoolSettings(b -> b.maxWaitTime(SELECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .writeConcern(writeConcern)
        .build();
    this.client = MongoClients.create(settings);
    this.db = client.getDatabase(database);
    this.workers = vertx.createSharedWorkerExecutor("earshot-mongo", 16);
    // Health pings get a thread of their own: a pool busy with slow scans must not read as "down".
    this.probe = vertx.createSharedWorkerExecutor("earshot-mongo-probe", 1);
    this.durability = durability;
    this.availability = new MongoAvailability(client);
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
    return availability.observe(workers.executeBlocking(call, false));
  }

  /**
   * Runs a blocking write on the Mongo worker pool; the Future completes only once the write is
   * durable (the write concern of a real server, a group commit on the embedded one), so what the
   * hub acknowledges after it survives a crash. Every write goes through here, never {@link #run}.
   */
  public <T> Future<T> write(Callable<T> call) {
    return availability.observe(workers.executeBlocking(() -> durability.write(call), false));
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
    return availability.observe(workers.executeBlocking(() -> {
      durability.barrier();
      return null;
    }, false));
  }

  /** Pings the server on a thread of its own; fails with {@code Unavailable} when it cannot be reached. */
  public Future<Void> ping() {
    return availability.ping(() -> probe.executeBlocking(() -> db.runCommand(new Document("ping", 1)), false).mapEmpty());
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
      // The inbox index's catch-up (find/IndexCatchUp) asks for cases changed since its watermark.
      collection(CASES).createIndex(Indexes.ascending("updatedAt"));
      collection(CASES).createIndex(Indexes.compoundIndex(Indexes.ascending("brand"), Indexes.descending("lastMentionAt")));
      collection(REPLIES).createIndex(Indexes.ascending("caseId", "createdAt"));
      collection(REPLIES).createIndex(Indexes.ascending("state", "nextAttemptAt"));
      collection(USERS).createIndex(Indexes.ascending("username"), unique);
      collection(NOTES).createIndex(Indexes.ascending("caseId", "createdAt"));
      collection(SNOOZES).createIndex(Indexes.ascending("until"));
      for (String versioned : List.of(CASES, REPLIES, WEBHOOKS, POLICIES, BRANDS, CONNECTOR_SWITCHES, TAG_LIST,
          SAVED_REPLIES, BROADCASTS)) {
        collection(versioned).createIndex(Versioned.INDEX, unique);
        // Documents from before versions existed: version 0, so Versioned.at finds them by key.
        collection(versioned).updateMany(Filters.exists("version", false), Updates.set("version", 0L));
      }
      for (String versioned : List.of(ProblemStore.PROBLEMS, DepartmentStore.DEPARTMENTS, ModerationStore.MODERATIONS)) {
        collection(versioned).createIndex(Versioned.INDEX, unique);
      }
      collection(SESSIONS).createIndex(Indexes.ascending("username"));
      collection(SESSIONS).createIndex(Indexes.ascending("sessionId"));
      createAuditIndexes();
      // One notice per (broadcast, customer), on every server: the embedded one keeps unique indexes.
      collection(BROADCAST_NOTICES).createIndex(Indexes.ascending("broadcastId", "customerId"), unique);
      collection(ENGAGEMENT_SAMPLES).createIndex(Indexes.ascending("postId", "at"));
      collection(WEBHOOK_DUE).createIndex(Indexes.ascending("webhookId", "nextAttemptAt"));
      collection(SlaDueStore.COLLECTION).createIndex(Indexes.ascending("nextCheckAt"));
      collection(WEBHOOK_DELIVERIES).createIndex(Indexes.ascending("webhookId", "createdAt"));
      return null;
    });
  }

  /**
   * The audit viewer's filters, each newest first. The embedded server keeps unique indexes only
   * (and an audit filter is never one exact key set), so it scans; these serve a real MongoDB.
   */
  private void createAuditIndexes() {
    collection(AUDIT).createIndex(Indexes.descending("at", "_id"));
    for (String field : List.of("actor", "action", "target")) {
      collection(AUDIT).createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending("at", "_id")));
    }
  }

  @Override
  public void close() {
    client.close();
    workers.close();
    probe.close();
  }
}
