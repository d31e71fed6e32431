package io.earshot.connector;

import io.vertx.core.Vertx;

/** Builds the connector for an account's platform, with what the hub provides for it. */
@FunctionalInterface
public interface ConnectorFactory {
  Connector create(Vertx vertx, ConnectorAccount account, ConnectorServices services);
}
