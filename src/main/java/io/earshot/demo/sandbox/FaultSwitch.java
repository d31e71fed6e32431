package io.earshot.demo.sandbox;

import java.time.Instant;

/**
 * Makes the next {@code count} public API requests fail with a chosen status (429 with a reset
 * time, or a 5xx), so connectors' error mapping and back-off can be tested against the real
 * server instead of a mock.
 */
final class FaultSwitch {
  /** One injected failure: the status and, for 429, when the window resets. */
  record Fault(int status, Instant resetAt) {
  }

  private int status;
  private int remaining;
  private long resetInSeconds;

  synchronized void set(int status, int count, long resetInSeconds) {
    this.status = status;
    this.remaining = count;
    this.resetInSeconds = resetInSeconds;
  }

  /** The fault for this request, or null when requests should be served normally. */
  synchronized Fault next(Instant now) {
    if (remaining <= 0) {
      return null;
    }
    remaining--;
    return new Fault(status, now.plusSeconds(resetInSeconds));
  }
}
