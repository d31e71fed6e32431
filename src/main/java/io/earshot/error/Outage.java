package io.earshot.error;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one backing service is reachable, as seen by the calls made to it. An outage fails
 * every call the same way, so its first failure is logged once (with the cause) and its end once
 * (with how long it lasted); every failure in between becomes a quiet
 * {@link DomainError.Unavailable} instead of a stack trace per request. Thread-safe: calls to
 * the stores finish on worker and client threads.
 */
public final class Outage {
  private static final Logger LOG = LoggerFactory.getLogger(Outage.class);
  private static final long UP = Long.MIN_VALUE;
  private final String service;
  private final int retryAfterSeconds;
  private final AtomicLong downSince = new AtomicLong(UP);

  /**
   * @param service the name health and errors use ({@code mongo}, {@code redis})
   * @param retryAfterSeconds what a refused caller is told to wait before retrying
   */
  public Outage(String service, int retryAfterSeconds) {
    this.service = service;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Records a failed call; answers the error to fail the caller with. */
  public DomainError.Unavailable failed(Throwable cause) {
    if (downSince.compareAndSet(UP, System.nanoTime())) {
      LOG.warn("service={} unavailable: {}; calls fail fast until it answers again", service, describe(cause));
    }
    return error();
  }

  /** The error a caller refused during the outage gets. */
  public DomainError.Unavailable error() {
    return new DomainError.Unavailable(service, service + " is unavailable; retry in " + retryAfterSeconds + " s",
        retryAfterSeconds);
  }

  /** Records a call that succeeded; ends the outage if there was one. */
  public void succeeded() {
    long since = downSince.get();
    if (since != UP && downSince.compareAndSet(since, UP)) {
      LOG.info("service={} reachable again after {} ms", service, (System.nanoTime() - since) / 1_000_000);
    }
  }

  /** True between a failed call and the next one that succeeds. */
  public boolean down() {
    return downSince.get() != UP;
  }

  public String service() {
    return service;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
    return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
