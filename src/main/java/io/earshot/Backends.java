package io.earshot;

import io.earshot.config.EarshotConfig;
import io.earshot.error.DomainError;
import io.earshot.live.LiveBus;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.redis.RedisConnection;
import io.earshot.store.Durability;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services a hub instance stands on: MongoDB (embedded when no {@code MONGO_URL}), Redis
 * (embedded when no {@code REDIS_URL}) and the live fan-out over Redis. Started before anything
 * else and closed after everything else; fails with the first start-up error.
 */
final class Backends {
  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);
  /** How long start-up waits for MongoDB to become reachable. */
  private static final Duration START_PATIENCE = Duration.ofSeconds(60);
  /**
   * Blocking work of starting and stopping (embedded servers, files read once, closing clients):
   * rare and slow, so a small pool of its own rather than the default one or an event loop.
   */
  static final String LIFECYCLE_POOL = "earshot-lifecycle";
  private final Vertx vertx;
  private final EarshotConfig config;
  private final WorkerExecutor lifecycle;
  private Durability durability = Durability.SERVER;
  private EmbeddedMongo embeddedMongo;
  private EmbeddedRedis embeddedRedis;
  private MongoStore mongo;
  private RedisConnection redis;
  private LiveBus liveBus;

  Backends(Vertx vertx, EarshotConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.lifecycle = vertx.createSharedWorkerExecutor(LIFECYCLE_POOL, 2);
  }

  /** Runs start-up or shutdown work that blocks (reading files, closing clients) on the lifecycle pool. */
  <T> Future<T> blocking(java.util.concurrent.Callable<T> work) {
    return lifecycle.executeBlocking(work, false);
  }

  Future<Void> start() {
    return startMongo().compose(v -> startRedis());
  }

  private Future<Void> startMongo() {
    return blocking(() -> {
      EarshotConfig.Stores stores = config.stores();
      String url = stores.mongoUrl();
      if (url == null) {
        embeddedMongo = EmbeddedMongo.start(stores.dataDir(), stores.mongoDurability().embeddedFsync(), 0,
            stores.embeddedCacheMb());
        url = embeddedMongo.connectionString();
        durability = embeddedMongo.durability();
      }
      var concern = MongoStore.writeConcern(stores.mongoDurability().writeConcern(), stores.mongoDurability().journal());
      mongo = new MongoStore(vertx, url, stores.mongoDatabase(), concern, durability);
      return null;
    }).compose(v -> whenReachable(System.nanoTime() + START_PATIENCE.toNanos()));
  }

  /**
   * Creates the indexes once MongoDB answers. A server that is not reachable yet (a replica set
   * still electing, or the embedded server slow to answer its first hello on a loaded machine)
   * is waited for up to {@link #START_PATIENCE}, instead of failing the start on the store's
   * 2 s selection timeout.
   */
  private Future<Void> whenReachable(long deadline) {
    return mongo.createIndexes().recover(e -> {
      if (!(e instanceof DomainError.Unavailable) || System.nanoTime() > deadline) {
        return Future.failedFuture(e);
      }
      LOG.warn("MongoDB not reachable yet ({}); retrying", e.getMessage());
      return vertx.timer(1, TimeUnit.SECONDS).compose(t -> whenReachable(deadline));
    });
  }

  private Future<Void> startRedis() {
    return blocking(() -> {
      String url = config.stores().redisUrl();
      if (url == null) {
        embeddedRedis = EmbeddedRedis.start(config.stores().dataDir().resolve("redis"));
        url = embeddedRedis.url();
      }
      redis = new RedisConnection(vertx, url);
      return null;
    }).compose(v -> {
      liveBus = new LiveBus(vertx, redis);
      return liveBus.start();
    });
  }

  MongoStore mongo() {
    return mongo;
  }

  RedisConnection redis() {
    return redis;
  }

  LiveBus liveBus() {
    return liveBus;
  }

  /** The embedded store's group commits, for the metrics; null against a real MongoDB. */
  Durability embeddedCommits() {
    return embeddedMongo == null ? null : durability;
  }

  /** Closes clients before the embedded servers they talk to, then the lifecycle pool; never fails. */
  Future<Void> close() {
    return blocking(() -> {
      closeQuietly(Arrays.asList(liveBus, redis, embeddedRedis, mongo, embeddedMongo));
      return null;
    }).eventually(lifecycle::close).recover(e -> Future.succeededFuture()).mapEmpty();
  }

  private static void closeQuietly(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        LOG.warn("while stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
