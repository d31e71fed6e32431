package io.earshot.demo.emulator;

import java.time.Duration;

/**
 * Scripted misbehaviour of an emulated platform, driven from tests through plain Java calls.
 * Thread-safe because tests call it from their own thread while the server runs on its
 * event loop.
 */
public final class FaultPlan {
  /** What the next request gets instead of (or before) its normal answer. */
  public enum Fault { NONE, RATE_LIMITED, SERVER_ERROR }

  private long rateLimitedUntil;
  private int serverErrors;
  private long requests;
  private long rejected;

  /** Every request is refused with 429 until {@code window} has passed. */
  public synchronized void rateLimitFor(Duration window) {
    rateLimitedUntil = System.currentTimeMillis() + window.toMillis();
  }

  /** The next {@code count} requests fail with a 5xx. */
  public synchronized void serverErrors(int count) {
    serverErrors = count;
  }

  public synchronized Fault next() {
    requests++;
    if (System.currentTimeMillis() < rateLimitedUntil) {
      rejected++;
      return Fault.RATE_LIMITED;
    }
    if (serverErrors > 0) {
      serverErrors--;
      rejected++;
      return Fault.SERVER_ERROR;
    }
    return Fault.NONE;
  }

  public synchronized long rateLimitResetMillis() {
    return rateLimitedUntil;
  }

  public synchronized long requests() {
    return requests;
  }

  /** How many requests were answered with a scripted fault. */
  public synchronized long rejected() {
    return rejected;
  }
}
