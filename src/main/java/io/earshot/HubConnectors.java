package io.earshot;

import io.earshot.brand.Brands;
import io.earshot.config.EarshotConfig;
import io.earshot.connector.AccountLoader;
import io.earshot.connector.ConnectorFactory;
import io.earshot.connector.ConnectorFleet;
import io.earshot.connector.ConnectorStores;
import io.earshot.connector.StatusBoard;
import io.earshot.events.EventDispatcher;
import io.earshot.find.Finder;
import io.earshot.ingest.IngestPipeline;
import io.earshot.redis.RedisConnection;
import io.earshot.runtime.ConnectorVerticle;
import io.earshot.runtime.Deployments;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector side of one instance, started by {@link Hub} once ingest takes mentions: the
 * account files, the brands they name, and the fleet that polls them on its own verticle.
 */
record HubConnectors(ConnectorFleet fleet, StatusBoard board) {
  private static final Logger LOG = LoggerFactory.getLogger(HubConnectors.class);

  /** What starting them takes from the hub; {@code vars} resolve the accounts' {@code ${VAR}} references. */
  record Needs(Vertx vertx, EarshotConfig config, Map<String, String> vars, HubDemo demo, MongoStore mongo,
               RedisConnection redis, EventDispatcher events, IngestPipeline pipeline, ConnectorFactory factory,
               Brands brands, Finder finder, Backends backends, Deployments deployments, Clock clock) {
  }

  /** Account files are read on the lifecycle pool: reading files is blocking, even at start-up. */
  static Future<HubConnectors> start(Needs n) {
    StatusBoard board = new StatusBoard(n.redis(), n.events());
    ConnectorFleet connectors = new ConnectorFleet(n.vertx(), n.factory(), board, ConnectorStores.of(n.mongo()),
        n.pipeline(), n.redis(), n.config().outbound().connectorLease(), n.clock());
    Path dir = n.config().outbound().connectorsDir();
    return n.backends().blocking(() -> {
      if (!Files.isDirectory(dir)) {
        LOG.warn("no connector accounts: {} is not a directory (EARSHOT_CONNECTORS_DIR)", dir.toAbsolutePath());
      }
      return AccountLoader.load(dir, n.vars());
    }).compose(accounts -> n.brands().start(dir, AccountLoader.brands(accounts), n.demo().brands())
        .compose(known -> n.brands().migratedAtStart() ? n.finder().rebuild().map(known)
            : Future.succeededFuture(known))
        .compose(known -> {
          connectors.load(AccountLoader.withKnownBrands(accounts, known));
          return n.deployments().deploy("connectors", new ConnectorVerticle(connectors));
        })).map(new HubConnectors(connectors, board));
  }
}
