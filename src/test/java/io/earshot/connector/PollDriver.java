package io.earshot.connector;

import static org.junit.jupiter.api.Assertions.fail;

import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the hub's runner does, reduced to its contract: poll from the saved cursor, "store" the
 * page, and only then save the cursor it returned. Rate limits wait until the reported reset,
 * transient faults retry. A mention seen twice fails the test at once.
 */
public final class PollDriver {
  private final Map<String, Mention> stored = new LinkedHashMap<>();
  private String cursor;
  private int rateLimited;
  private int transientFaults;
  private int skippedMalformed;
  private Instant lastReset;

  public PollDriver(String cursor) {
    this.cursor = cursor;
  }

  /** Polls until no page is waiting, or until {@code maxPages} pages were stored. */
  public PollDriver drain(Connector connector, int maxPages) throws Exception {
    int pages = 0;
    while (pages < maxPages) {
      PollResult page;
      try {
        page = await(connector.poll(cursor));
      } catch (ConnectorException.RateLimited limited) {
        rateLimited++;
        lastReset = limited.resetAt();
        // Not a stand-in for a condition: the condition is the platform's reset time itself (the
        // emulators refuse every request until then), and a poll before it would only be refused again.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), limited.resetAt()).toMillis()) + 20);
        continue;
      } catch (ConnectorException.Transient fault) {
        // Retried at once: the emulators' 5xx faults are counted (the next N requests), not timed.
        transientFaults++;
        continue;
      }
      store(page);
      pages++;
      if (!page.more()) {
        break;
      }
    }
    return this;
  }

  private void store(PollResult page) {
    for (Mention m : page.mentions()) {
      if (stored.putIfAbsent(m.externalId(), m) != null) {
        fail("mention " + m.externalId() + " was returned twice");
      }
    }
    skippedMalformed += page.skippedMalformed();
    cursor = page.nextCursor();
  }

  public static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Expected ids that were never stored, so a failure names a few instead of printing thousands. */
  public java.util.List<String> missing(java.util.Collection<String> expected) {
    return expected.stream().filter(id -> !stored.containsKey(id)).limit(10).toList();
  }

  public Map<String, Mention> stored() {
    return stored;
  }

  public String cursor() {
    return cursor;
  }

  public int rateLimited() {
    return rateLimited;
  }

  public int transientFaults() {
    return transientFaults;
  }

  public int skippedMalformed() {
    return skippedMalformed;
  }

  public Instant lastReset() {
    return lastReset;
  }
}
