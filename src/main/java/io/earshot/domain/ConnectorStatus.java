package io.earshot.domain;

import java.time.Instant;

/**
 * A snapshot of a connector account's health. {@code until} is set when rate-limited (by the
 * platform or by the account's own budget); {@code detail} is a human sentence (never a secret);
 * {@code spend} is what the account used of its budget, null before anything was counted.
 */
public record ConnectorStatus(String account, String platform, ConnectorState state, String detail,
                              Instant until, Instant lastPollAt, long mentionsRead,
                              long malformedSkipped, ConnectorSpend spend) {
  public ConnectorStatus(String account, String platform, ConnectorState state, String detail,
                         Instant until, Instant lastPollAt, long mentionsRead, long malformedSkipped) {
    this(account, platform, state, detail, until, lastPollAt, mentionsRead, malformedSkipped, null);
  }
}
