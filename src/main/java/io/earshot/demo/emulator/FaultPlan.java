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
  /** A storm armed to begin at the next request (0: none armed). */
  private long armedWindowMillis;
  private int serverErrors;
  private long requests;
  private long rejected;

  /** Every request is refused with 429 until {@code window} has passed. */
  public synchronized void rateLimitFor(Duration window) {
    rateLimitedUntil = System.currentTimeMillis() + window.toMillis();
  }

  /**
   * A storm of {@code window} that begins with the next request, however long the client takes
   * to make one (a hub still starting on a loaded machine would otherwise miss a timed storm).
   */
  public synchronized void rateLimitFromNextRequest(Duration window) {
    armedWindowMillis = Math.max(1, window.toMillis());
  }

  /** The next {@code count} requests fail with a 5xx. */
  public synchronized void serverErrors(int count) {
    serverErrors = count;
  }

  public synchronized Fault next() {
    requests++;
    if (armedWindowMillis > 0) {
      rateLimitedUntil = System.currentTimeMillis() + armedWindowMillis;
      armedWindowMillis = 0;
    }
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
