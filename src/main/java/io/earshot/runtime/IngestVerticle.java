package io.earshot.runtime;

import io.earshot.brand.BrandDirectory;
import io.earshot.config.EarshotConfig;
import io.earshot.ingest.IngestPipeline;
import io.earshot.ingest.IngestStores;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The ingest pipeline on a context of its own: the pipeline is built in {@code start()}, so its
 * queue and batches belong to this verticle's event loop, and offers from the HTTP verticles and
 * the connectors hop onto it. Scoring is inline CPU work on that loop; everything else is store
 * calls on the Mongo pool.
 */
public final class IngestVerticle extends VerticleBase {
  private final IngestStores stores;
  private final BrandDirectory brands;
  private final EarshotConfig.Ingest config;
  private volatile IngestPipeline pipeline;

  public IngestVerticle(IngestStores stores, BrandDirectory brands, EarshotConfig.Ingest config) {
    this.stores = stores;
    this.brands = brands;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    pipeline = new IngestPipeline(vertx, stores, brands, config.batchSize(), config.batchDelay().toMillis());
    return Future.succeededFuture();
  }

  /** The pipeline, once started; safe to call from any context. */
  public IngestPipeline pipeline() {
    return pipeline;
  }
}
