package io.earshot.metrics;

import io.earshot.domain.event.EventType;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what happened from the event spine, so no writer carries a metrics call: every event by
 * type, mentions stored per account with how late they were stored (after the post was written,
 * and after the hub received it), and how long a reply took from submission to sent. A listener
 * like any other, but not durable: a count lost in a crash is not worth a redelivery.
 *
 * <p>Account names come from connector files but also from whoever holds the ingest token, so
 * only the first {@value #MAX_ACCOUNTS} distinct names become labels; the rest count as
 * {@code other}, which keeps a careless client from flooding the registry with series. Mentions
 * that came through the ingest API without an account count as {@value #API}.
 */
final class EventMetrics implements EventListener {
  static final int MAX_ACCOUNTS = 200;
  /** The account label of mentions that came through {@code POST /api/v1/mentions} (they name no account). */
  static final String API = "ingest-api";
  private static final Duration[] LAG_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
      Duration.ofHours(1), Duration.ofDays(1)};
  private static final Duration[] PUBLISH_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};
  private final MeterRegistry registry;
  private final Clock clock;
  private final Set<String> accounts = ConcurrentHashMap.newKeySet();
  // A batch of 500 mentions tells 500 events at once on the ingest loop: meters are looked up
  // once per label set (the key: the meter's name, then its label values), not built per event.
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  EventMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return true;
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    Instant now = clock.instant();
    for (EventEnvelope event : events) {
      counters.computeIfAbsent(List.of("events", event.type()), k -> Counter.builder("earshot.events")
          .description("Domain events told, by type").tag("type", event.type()).register(registry)).increment();
      if (EventType.MENTION_RECEIVED.code().equals(event.type())) {
        mentionStored(event.data().getJsonObject("mention", new JsonObject()), now);
      } else if (EventType.REPLY_SENT.code().equals(event.type())) {
        replySent(event.data().getJsonObject("reply", new JsonObject()));
      }
    }
    return Future.succeededFuture();
  }

  private void mentionStored(JsonObject mention, Instant now) {
    String account = account(mention.getString("account"));
    String platform = String.valueOf(mention.getString("platform"));
    counters.computeIfAbsent(List.of("mentions", account, platform), k -> Counter.builder("earshot.ingest.mentions")
        .description("Mentions stored, by connector account").tag("account", account).tag("platform", platform)
        .register(registry)).increment();
    lag(account, "created", mention.getString("createdAt"), now);
    lag(account, "received", mention.getString("receivedAt"), now);
  }

  /** From the post's own time ({@code created}: platform and polling delay) or the hub's receipt ({@code received}: ingest alone). */
  private void lag(String account, String from, String at, Instant now) {
    Instant then = instant(at);
    if (then == null) {
      return;
    }
    timers.computeIfAbsent(List.of("lag", account, from), k -> Timer.builder("earshot.ingest.lag")
        .description("How long after a mention was written, or received, it was stored")
        .tag("account", account).tag("from", from).serviceLevelObjectives(LAG_BUCKETS).register(registry))
        .record(positive(Duration.between(then, now)));
  }

  private void replySent(JsonObject reply) {
    Instant created = instant(reply.getString("createdAt"));
    Instant sent = instant(reply.getString("sentAt"));
    if (created == null || sent == null) {
      return;
    }
    String account = account(reply.getString("account"));
    timers.computeIfAbsent(List.of("publish", account), k -> Timer.builder("earshot.publish.latency")
        .description("From a reply's submission to the platform's acknowledgement")
        .tag("account", account).serviceLevelObjectives(PUBLISH_BUCKETS).register(registry))
        .record(positive(Duration.between(created, sent)));
  }

  private String account(String name) {
    if (name == null || name.isEmpty()) {
      return API;
    }
    if (accounts.contains(name) || (accounts.size() < MAX_ACCOUNTS && accounts.add(name))) {
      return name;
    }
    return "other";
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
