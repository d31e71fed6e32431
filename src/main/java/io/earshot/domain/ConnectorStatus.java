package io.earshot.domain;

import java.time.Instant;

/**
 * A snapshot of a connector account's health. {@code until} is set when rate-limited;
 * {@code detail} is a human sentence (never a secret).
 */
public record ConnectorStatus(String account, String platform, ConnectorState state, String detail,
                              Instant until, Instant lastPollAt, long mentionsRead,
                              long malformedSkipped) {
}
