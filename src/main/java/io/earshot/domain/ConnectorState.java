package io.earshot.domain;

/** Health of one connector account as shown in health and on the dashboard. */
public enum ConnectorState {
  STARTING, CONNECTED, LAGGING, RATE_LIMITED, UNAUTHORIZED, FAILING, DISABLED, STANDBY;

  public String code() {
    return name().toLowerCase();
  }
}
