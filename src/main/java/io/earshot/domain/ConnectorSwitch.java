package io.earshot.domain;

import io.earshot.domain.event.ConnectorEvents.ConnectorEnabledChanged;
import java.time.Instant;
import java.util.List;

/**
 * An admin's switch for one connector account: whether it polls, who last changed it and when.
 * It lives in the store, not in the account file, so a change reaches every instance and
 * survives restarts without anyone editing files. An account nobody switched is enabled (its file
 * said so, or it would not run at all). {@code version} orders changes like every versioned record.
 */
public record ConnectorSwitch(String account, boolean enabled, long version, String changedBy, Instant changedAt) {

  /** The switch of an account nobody has switched yet. */
  public static ConnectorSwitch untouched(String account) {
    return new ConnectorSwitch(account, true, 0, null, null);
  }

  /** Turns the account on or off; unchanged (no events) when it already is. */
  public static Decision<ConnectorSwitch> set(ConnectorSwitch current, boolean enabled, String actor, Instant now) {
    if (current.enabled() == enabled) {
      return Decision.unchanged(current);
    }
    ConnectorSwitch next = new ConnectorSwitch(current.account(), enabled, current.version() + 1, actor, now);
    return new Decision<>(next, List.of(new ConnectorEnabledChanged(current.account(), current.enabled(), enabled, actor, now)));
  }
}
