package io.earshot.sla;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.SlaClock;
import io.earshot.domain.event.EventType;
import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.SlaBand;
import io.earshot.domain.sla.SlaLifecycle;
import io.earshot.domain.sla.SlaPolicy;
import io.earshot.domain.sla.SlaTrigger;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.CaseStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Moves SLA clocks when something happens to a case: a durable listener on the case events that
 * matter (opened, a customer's mention, reopened, responded, status changed), so no writer of
 * cases knows about SLAs. For each case it reads the case as stored, lets {@link SlaLifecycle}
 * decide, and stores the clock only if it changed. Redelivered events decide nothing new (every
 * trigger is idempotent), and brands without an SLA cost no read at all.
 */
public final class SlaClocks implements EventListener {
  private static final Set<String> MOVES = Set.of(EventType.CASE_OPENED.code(), EventType.CASE_MENTION_ADDED.code(),
      EventType.CASE_REOPENED.code(), EventType.CASE_RESPONDED.code(), EventType.CASE_STATUS_CHANGED.code());
  private static final int ATTEMPTS = 5;
  private final CaseStore cases;
  private final SlaPolicies policies;
  private final SlaChanges changes;

  SlaClocks(CaseStore cases, SlaPolicies policies, SlaChanges changes) {
    this.cases = cases;
    this.policies = policies;
    this.changes = changes;
  }

  @Override
  public String name() {
    return "sla-clocks";
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    return MOVES.contains(event.type());
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    return policies.get().compose(policy -> {
      Map<String, List<EventEnvelope>> byCase = byCase(events, policy);
      List<Future<Void>> each = new ArrayList<>();
      byCase.forEach((id, ofCase) -> each.add(StaleWrite.retry(ATTEMPTS, () -> moveOne(id, ofCase, policy))));
      return Future.all(each).mapEmpty();
    });
  }

  /** The events per case, in order, leaving out cases of brands the policy does not cover and that have no clock. */
  private static Map<String, List<EventEnvelope>> byCase(List<EventEnvelope> events, SlaPolicy policy) {
    Map<String, List<EventEnvelope>> byCase = new LinkedHashMap<>();
    for (EventEnvelope e : events) {
      var c = e.data().getJsonObject("case", new io.vertx.core.json.JsonObject());
      boolean covered = policy.forBrand(c.getString("brand")).isPresent() || c.getValue("sla") != null;
      if (covered && c.getString("id") != null) {
        byCase.computeIfAbsent(c.getString("id"), k -> new ArrayList<>()).add(e);
      }
    }
    return byCase;
  }

  private Future<Void> moveOne(String caseId, List<EventEnvelope> events, SlaPolicy policy) {
    return cases.get(caseId).compose(c -> {
      if (c == null) {
        return Future.succeededFuture();
      }
      SlaClock next = decide(c, events, policy);
      if (Objects.equals(next, c.sla())) {
        return Future.succeededFuture();
      }
      return changes.save(c, next, List.of(), last(events)).mapEmpty();
    });
  }

  /** The clock after {@code events}; a brand no longer in the policy has its clock removed. */
  static SlaClock decide(CareCase c, List<EventEnvelope> events, SlaPolicy policy) {
    BrandSla sla = policy.forBrand(c.brand()).orElse(null);
    if (sla == null) {
      return null;
    }
    SlaClock clock = c.sla();
    for (EventEnvelope e : events) {
      for (SlaTrigger trigger : triggers(e, c)) {
        if (trigger instanceof SlaTrigger.Opened) {
          clock = clock != null ? clock : SlaLifecycle.open(sla, policy, c.priority().value(), millis(c.createdAt()));
        } else if (clock != null) {
          SlaBand band = band(sla, clock.band());
          clock = SlaLifecycle.apply(clock, trigger, band, sla.time(), policy.warnAtPercent());
        }
      }
    }
    return clock;
  }

  /** A customer reopening a resolved case also starts its resolution target again. */
  private static List<SlaTrigger> triggers(EventEnvelope e, CareCase c) {
    Instant at = millis(e.occurredAt());
    return switch (EventType.fromCode(e.type()).orElseThrow()) {
      case CASE_OPENED -> List.of(new SlaTrigger.Opened(millis(c.createdAt())));
      case CASE_RESPONDED -> List.of(new SlaTrigger.Responded(at));
      case CASE_STATUS_CHANGED -> List.of(new SlaTrigger.StatusChanged(CaseStatus.fromCode(e.data().getString("from")),
          CaseStatus.fromCode(e.data().getString("to")), at));
      case CASE_REOPENED -> CaseStatus.RESOLVED.code().equals(e.data().getString("from"))
          ? List.of(new SlaTrigger.StatusChanged(CaseStatus.RESOLVED, CaseStatus.OPEN, at), new SlaTrigger.CustomerWrote(at))
          : List.of(new SlaTrigger.CustomerWrote(at));
      default -> List.of(new SlaTrigger.CustomerWrote(at));
    };
  }

  private static SlaBand band(BrandSla sla, String name) {
    return sla.bands().stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
  }

  private static Instant last(List<EventEnvelope> events) {
    return millis(events.get(events.size() - 1).occurredAt());
  }

  /** BSON dates hold milliseconds: deciding in them keeps a stored clock equal to the decided one. */
  private static Instant millis(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }
}
