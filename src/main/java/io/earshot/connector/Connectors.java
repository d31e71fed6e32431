package io.earshot.connector;

import io.earshot.connector.bluesky.BlueskyConnector;
import io.earshot.connector.mastodon.MastodonConnector;
import io.earshot.connector.meta.MetaConnector;
import io.earshot.connector.sandbox.SandboxConnector;
import io.earshot.connector.threads.ThreadsConnector;
import io.earshot.connector.x.XConnector;
import io.earshot.connector.xv2.XV2Connector;
import io.vertx.core.Vertx;

/** Builds the connector for an account's platform; the one place that knows them all. */
public final class Connectors {
  private Connectors() {
  }

  /** A connector outside a hub: nothing metered, no durable stores (X's v2 API needs them). */
  public static Connector create(Vertx vertx, ConnectorAccount account) {
    return create(vertx, account, ConnectorServices.standalone());
  }

  /** Throws IllegalArgumentException for a platform without a connector or a bad account. */
  public static Connector create(Vertx vertx, ConnectorAccount account, ConnectorServices services) {
    return switch (account.platform()) {
      case MASTODON -> new MastodonConnector(vertx, account, services.meter());
      case BLUESKY -> new BlueskyConnector(vertx, account, services.meter());
      case X -> account.xV2() ? new XV2Connector(vertx, account, services) : new XConnector(vertx, account, services.meter());
      case FACEBOOK, INSTAGRAM -> new MetaConnector(vertx, account, services.meter());
      case THREADS -> new ThreadsConnector(vertx, account, services);
      case SANDBOX -> SandboxConnector.create(vertx, account);
      default -> throw new IllegalArgumentException("no connector for platform "
          + account.platform().code() + " (account " + account.name() + ")");
    };
  }
}
