package io.earshot;

import io.earshot.auth.Passwords;
import io.earshot.brand.BrandDirectory;
import io.earshot.config.EarshotConfig;
import io.earshot.events.EventDispatcher;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.IngestStores;
import io.earshot.ingest.ThreadingRecovery;
import io.earshot.runtime.Deployments;
import io.earshot.runtime.IngestVerticle;
import io.earshot.store.IngestJournal;
import io.earshot.store.MongoStore;
import io.earshot.store.SettingsStore;
import io.earshot.store.ThreadMoves;
import io.earshot.triage.Scorer;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side of one instance, started by {@link Hub} before the connectors: its token, the
 * scorer warmed up, the ingest verticle's pipeline, and the recovery of batches a crash interrupted.
 */
record HubIngest(IngestPipeline pipeline, ThreadingRecovery recovery) {
  private static final Logger LOG = LoggerFactory.getLogger(HubIngest.class);

  /** What starting it takes from the hub. */
  record Needs(EarshotConfig config, MongoStore mongo, HubStores stores, Scorer scorer, EventDispatcher events,
               BrandDirectory brands, Backends backends, Deployments deployments, Clock clock) {
  }

  static Future<HubIngest> start(Needs n) {
    HubStores stores = n.stores();
    IngestStores ingestStores = new IngestStores(stores.mentions(), new IngestJournal(n.mongo()), stores.cases(),
        stores.customers(), stores.replies(), new ThreadMoves(n.mongo()), n.scorer(), n.events(), n.clock(),
        n.config().ingest().reopenWindow());
    ThreadingRecovery recovery = new ThreadingRecovery(ingestStores);
    return warmUpScorer(n)
        .compose(v -> n.deployments().deploy("ingest",
            new IngestVerticle(ingestStores, n.brands(), n.config().ingest())))
        .compose(ingest -> recoverAtStart(n.config(), recovery).map(new HubIngest(ingest.pipeline(), recovery)));
  }

  /** The configured ingest token, else the one generated once and kept in {@code settings} (shared by instances). */
  static Future<String> token(EarshotConfig config, MongoStore mongo) {
    if (config.security().ingestToken() != null) {
      return Future.succeededFuture(config.security().ingestToken());
    }
    return new SettingsStore(mongo).getOrCreate("ingestToken", Passwords.token()).map(stored -> {
      if (stored.created()) {
        LOG.warn("ingest token (generated once, kept in settings): {} (set EARSHOT_INGEST_TOKEN to choose one)",
            stored.value());
      }
      return stored.value();
    });
  }

  /** Scoring runs inline on the ingest loop, so the models it loads once are loaded here, on a worker. */
  private static Future<Void> warmUpScorer(Needs n) {
    long t0 = System.nanoTime();
    return n.backends().blocking(() -> {
      n.scorer().warmUp();
      return null;
    }).onSuccess(v -> LOG.debug("scorer warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000)).mapEmpty();
  }

  /**
   * The embedded store serves this process only, so every journal entry in it is from a process
   * that died: finish them all before taking mentions. A shared MongoDB may have live batches of
   * other instances; the periodic sweep takes those once they are old enough.
   */
  private static Future<Void> recoverAtStart(EarshotConfig config, ThreadingRecovery recovery) {
    if (!config.stores().embeddedMongo()) {
      return Future.succeededFuture();
    }
    return recovery.recoverAll().onSuccess(n -> {
      if (n > 0) {
        LOG.warn("finished {} mentions of ingest batches interrupted by the last stop", n);
      }
    }).<Void>mapEmpty().recover(e -> {
      LOG.error("recovering interrupted ingest batches failed; the periodic sweep retries: {}", e.toString());
      return Future.succeededFuture();
    });
  }
}
