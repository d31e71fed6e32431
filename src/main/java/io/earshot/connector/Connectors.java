package io.earshot.connector;

import io.earshot.connector.bluesky.BlueskyConnector;
import io.earshot.connector.mastodon.MastodonConnector;
import io.earshot.connector.sandbox.SandboxConnector;
import io.earshot.connector.x.XConnector;
import io.vertx.core.Vertx;

/** Builds the connector for an account's platform; the one place that knows them all. */
public final class Connectors {
  private Connectors() {
  }

  /** Throws IllegalArgumentException for a platform without a connector or a bad account. */
  public static Connector create(Vertx vertx, ConnectorAccount account) {
    return switch (account.platform()) {
      case MASTODON -> new MastodonConnector(vertx, account);
      case BLUESKY -> new BlueskyConnector(vertx, account);
      case X -> new XConnector(vertx, account);
      case SANDBOX -> SandboxConnector.create(vertx, account);
      default -> throw new IllegalArgumentException("no connector for platform "
          + account.platform().code() + " (account " + account.name() + ")");
    };
  }
}
