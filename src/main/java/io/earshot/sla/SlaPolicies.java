package io.earshot.sla;

import io.earshot.auth.User;
import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Brand;
import io.earshot.domain.Decision;
import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.BusinessHours;
import io.earshot.domain.sla.SlaPolicy;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.SlaPolicyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SLA policy: everyone who works cases reads it, admins replace it. A brand entry without a
 * time zone takes its brand's. Futures fail with {@link DomainError.Forbidden} (not an admin),
 * {@link DomainError.Invalid} naming the field (an unknown brand, a bad target), or
 * {@link DomainError.Conflict} when another admin saved first.
 */
public final class SlaPolicies {
  private final SlaPolicyStore store;
  private final BrandDirectory brands;
  private final EventDispatcher events;
  private final Clock clock;

  public SlaPolicies(SlaPolicyStore store, BrandDirectory brands, EventDispatcher events, Clock clock) {
    this.store = store;
    this.brands = brands;
    this.events = events;
    this.clock = clock;
  }

  /** The policy in force, read from the store (so a change is in force on every instance at once). */
  public Future<SlaPolicy> get() {
    return store.get();
  }

  public Future<SlaPolicy> read(User actor) {
    if (!actor.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("only agents, managers and admins read the SLA policy"));
    }
    return store.get();
  }

  public Future<SlaPolicy> replace(List<BrandSla> entries, int warnAtPercent, User actor) {
    if (!actor.isAdmin()) {
      return Future.failedFuture(new DomainError.Forbidden("only an admin changes the SLA policy"));
    }
    return brands.all().compose(known -> store.get().compose(before -> {
      Decision<SlaPolicy> decision = before.replace(withZones(entries, known), warnAtPercent, actor.username(),
          clock.instant());
      Change change = Change.of(MongoStore.POLICIES, "sla", decision.events());
      return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()));
    })).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("another admin changed the SLA policy meanwhile; read it again") : e));
  }

  private static List<BrandSla> withZones(List<BrandSla> entries, Map<String, Brand> known) {
    List<BrandSla> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      BrandSla e = entries.get(i);
      Brand brand = known.get(e.brand());
      if (brand == null) {
        throw new DomainError.Invalid("brands[" + i + "].brand", "'" + e.brand() + "' is not a brand");
      }
      BusinessHours h = e.hours();
      BusinessHours zoned = h.zone() != null ? h : new BusinessHours(brand.timeZone(), h.week(), h.holidays());
      out.add(new BrandSla(e.brand(), zoned, e.bands()));
    }
    return out;
  }
}
