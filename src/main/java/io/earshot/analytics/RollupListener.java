package io.earshot.analytics;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.event.EventType;
import io.earshot.domain.sla.BusinessCalendars;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.RollupSources;
import io.earshot.store.RollupStore;
import io.earshot.concurrent.Owner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reporting listener: turns the events of each change (an ingest batch, a reply sent, a case
 * resolved) into one {@link RollupBatch} and adds it to the rollups. Deliveries are written in
 * flushes, one at a time: while one flush is being written, every delivery that arrives waits and
 * joins the next, so under load many changes cost one read of their cases and one upsert per
 * rollup document, and a quiet hub writes each change
 * at once, but for an ingest batch, which waits a moment for the next to join it. A delivery
 * completes when the flush holding it is durable. Durable, so it gets every recorded event at
 * least once; each delivery keeps its own replay keys in the store, so twice is the same as once
 * in whatever flush a delivery comes again. What a payload lacks is read by id: the brand of a
 * reply's case, a resolved case's SLA state and Problem link, whether a reply sent is a
 * broadcast's notice, and the brands' business hours (the SLA policy) for the durations counted
 * in business time. Fails (to be redelivered) when the store does, every delivery of the flush
 * alike.
 */
public final class RollupListener implements EventListener {
  private static final Set<String> TYPES = Set.of(EventType.MENTION_RECEIVED.code(), EventType.CASE_OPENED.code(),
      EventType.CASE_RESPONDED.code(), EventType.CASE_STATUS_CHANGED.code(), EventType.REPLY_SENT.code(),
      EventType.REPLY_APPROVED.code(), EventType.REPLY_REJECTED.code(),
      EventType.BROADCAST_FINISHED.code());
  /** What only the ingest pipeline tells (its batches are told after their mentions are acknowledged). */
  private static final Set<String> INGEST = Set.of(EventType.MENTION_RECEIVED.code(), EventType.CASE_OPENED.code());
  /** How long an ingest batch's flush waits for others to join it. */
  static final long LINGER_MS = 250;
  private final RollupStore rollups;
  private final RollupSources sources;
  private final Object lock = new Object();
  private List<Pending> waiting = new ArrayList<>();
  private boolean flushing;

  /** What a flush read for its events: cases by id, the replies sent that are notices. */
  private record Lookups(Map<String, CaseFact> cases, Set<String> notices) {
  }

  /** A delivery waiting for its flush. */
  private record Pending(List<EventEnvelope> events, Promise<Void> done) {
  }

  public RollupListener(RollupStore rollups, RollupSources sources) {
    this.rollups = rollups;
    this.sources = sources;
  }

  @Override
  public String name() {
    return "analytics";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    if (!TYPES.contains(event.type())) {
      return false;
    }
    if (event.type().equals(EventType.CASE_RESPONDED.code())) {
      return event.data().getBoolean("first", false);
    }
    if (event.type().equals(EventType.CASE_STATUS_CHANGED.code())) {
      return "resolved".equals(event.data().getString("to"));
    }
    if (event.type().equals(EventType.BROADCAST_FINISHED.code())) {
      return "sent".equals(event.data().getJsonObject("broadcast").getString("state"));
    }
    return true;
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    Pending pending = new Pending(events, Promise.promise());
    boolean start;
    synchronized (lock) {
      waiting.add(pending);
      start = !flushing;
      flushing = true;
    }
    if (start) {
      startFlush(events);
    }
    return Owner.onCaller(pending.done().future());
  }

  /**
   * An ingest batch's delivery waits {@link #LINGER_MS} before its flush, so that the batches
   * stored about then (the pipeline runs two at once) share one: a flush costs the same few
   * upserts whatever it holds, and no one waits on an ingest batch's rollups (its mentions were
   * acknowledged before they were told). Any other change is written at once.
   */
  private void startFlush(List<EventEnvelope> events) {
    Context context = Vertx.currentContext();
    if (context != null && events.stream().allMatch(e -> INGEST.contains(e.type()))) {
      context.owner().setTimer(LINGER_MS, id -> flushNext());
    } else {
      flushNext();
    }
  }

  /** Writes everything waiting as one flush, then the next, until nothing waits. */
  private void flushNext() {
    List<Pending> taken;
    synchronized (lock) {
      if (waiting.isEmpty()) {
        flushing = false;
        return;
      }
      taken = waiting;
      waiting = new ArrayList<>();
    }
    Future<Void> written;
    try {
      written = flush(taken);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      taken.forEach(p -> p.done().handle(result));
      flushNext();
    });
  }

  private Future<Void> flush(List<Pending> taken) {
    List<EventEnvelope> all = taken.stream().flatMap(p -> p.events().stream()).toList();
    return lookups(all).compose(cases -> calendars(all).compose(calendars -> notices(all).compose(notices ->
        rollups.countAndApply(() -> taken.stream()
            .map(p -> batch(p.events(), new Lookups(cases, notices), calendars).deltas()).toList()))));
  }

  /**
   * The brands' business hours, read once per flush and only when it counts a duration: a first
   * response or a resolution is counted in the hours of the policy in force when it is counted.
   */
  private Future<BusinessCalendars> calendars(List<EventEnvelope> events) {
    boolean durations = events.stream().anyMatch(e -> e.type().equals(EventType.CASE_RESPONDED.code())
        || e.type().equals(EventType.CASE_STATUS_CHANGED.code()));
    return durations ? sources.calendars() : Future.succeededFuture(BusinessCalendars.ALWAYS_OPEN);
  }

  /** The stored cases the events need: resolved ones, and those of replies (for their brand). */
  private Future<Map<String, CaseFact>> lookups(List<EventEnvelope> events) {
    Set<String> ids = events.stream().map(RollupListener::caseToRead).filter(id -> id != null).collect(Collectors.toSet());
    return ids.isEmpty() ? Future.succeededFuture(Map.of()) : sources.cases(ids);
  }

  private static String caseToRead(EventEnvelope e) {
    if (e.type().equals(EventType.CASE_STATUS_CHANGED.code())) {
      return e.data().getJsonObject("case").getString("id");
    }
    return e.type().startsWith("reply.") ? e.data().getJsonObject("reply").getString("caseId") : null;
  }

  /** Which of the replies these events tell as sent are a broadcast's personal notices (read by id). */
  private Future<Set<String>> notices(List<EventEnvelope> events) {
    Set<String> sent = events.stream().filter(e -> e.type().equals(EventType.REPLY_SENT.code()))
        .map(e -> e.data().getJsonObject("reply")).filter(r -> r.getString("caseId") != null)
        .map(r -> r.getString("id")).collect(Collectors.toSet());
    return sent.isEmpty() ? Future.succeededFuture(Set.of()) : sources.notices(sent);
  }

  private static RollupBatch batch(List<EventEnvelope> events, Lookups read, BusinessCalendars calendars) {
    RollupBatch batch = new RollupBatch(calendars);
    for (EventEnvelope e : events) {
      add(batch, e, read);
    }
    return batch;
  }

  private static void add(RollupBatch batch, EventEnvelope e, Lookups read) {
    JsonObject data = e.data();
    Map<String, CaseFact> cases = read.cases();
    switch (EventType.fromCode(e.type()).orElseThrow()) {
      case MENTION_RECEIVED -> batch.mention(EventFacts.mention(data.getJsonObject("mention")), e.id());
      case CASE_OPENED -> batch.opened(EventFacts.careCase(data.getJsonObject("case"), null), e.id());
      case CASE_RESPONDED -> batch.firstResponse(EventFacts.careCase(data.getJsonObject("case"), null), e.id());
      case CASE_STATUS_CHANGED -> {
        JsonObject c = data.getJsonObject("case");
        batch.resolved(EventFacts.careCase(c, cases.get(c.getString("id"))), e.id());
      }
      case REPLY_SENT -> reply(batch, e, read, true);
      case REPLY_APPROVED, REPLY_REJECTED -> reply(batch, e, read, false);
      case BROADCAST_FINISHED -> batch.broadcast(EventFacts.broadcast(data.getJsonObject("broadcast")), e.id());
      default -> { }
    }
  }

  /** A reply whose case is gone (or never stored) has no brand to count under: it is left out. */
  private static void reply(RollupBatch batch, EventEnvelope e, Lookups read, boolean sent) {
    ReplyFact r = EventFacts.reply(e.data().getJsonObject("reply"));
    // A broadcast's public post has no case (and an immutable empty map refuses a null key).
    CaseFact c = r.caseId() == null ? null : read.cases().get(r.caseId());
    if (c == null) {
      return;
    }
    if (sent && r.sentAt() != null) {
      batch.sent(r, c.brand(), e.id());
      if (read.notices().contains(r.id())) {
        batch.noticeSent(r, c.brand(), e.id());
      }
    } else if (!sent && r.decidedAt() != null) {
      batch.decided(r, c.brand(), e.id());
    }
  }
}
