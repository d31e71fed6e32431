package io.earshot.connector;

import io.earshot.connector.budget.Meter;
import io.earshot.store.OAuthTokenStore;
import io.earshot.store.PublishAttemptStore;

/**
 * What a connector gets from the hub besides its account: the account's budget {@link Meter}
 * (ask before every platform call), the durable store of rotating OAuth tokens, and the durable
 * marks of publish attempts (for platforms without an idempotency key). A connector built
 * outside a hub gets {@link #standalone()}: nothing counted, and no durable stores, which the
 * connectors that need them refuse with IllegalArgumentException.
 */
public record ConnectorServices(Meter meter, OAuthTokenStore tokens, PublishAttemptStore attempts) {
  public static ConnectorServices standalone() {
    return new ConnectorServices(Meter.NONE, null, null);
  }
}
