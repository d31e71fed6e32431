package io.earshot.connector;

import io.earshot.domain.Platform;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors this instance can publish through, by account name. Every instance builds all
 * enabled accounts (any instance may publish); only the lease holder polls each one.
 */
public final class ConnectorRegistry {
  private final Map<String, Connector> byName = new LinkedHashMap<>();

  public void add(Connector connector) {
    byName.put(connector.account().name(), connector);
  }

  public Optional<Connector> byName(String account) {
    return Optional.ofNullable(account == null ? null : byName.get(account));
  }

  /** The account to answer through: the case's own, else the first of its platform. */
  public Optional<Connector> forCase(String account, Platform platform) {
    return byName(account).or(() -> byName.values().stream()
        .filter(c -> c.account().platform() == platform).findFirst());
  }

  public Collection<Connector> all() {
    return byName.values();
  }
}
