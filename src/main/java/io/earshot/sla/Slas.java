package io.earshot.sla;

import io.earshot.brand.BrandDirectory;
import io.earshot.events.EventDispatcher;
import io.earshot.redis.Lease;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.SlaDueStore;
import io.earshot.store.SlaPolicyStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The SLA part of one instance, wired: the policy, the clock listener (registered with the
 * event dispatcher here) and the leased watcher, which runs every {@code watchEvery}.
 */
public final class Slas {
  private final SlaPolicies policies;
  private final SlaWatcher watcher;
  private final Duration watchEvery;

  public Slas(Vertx vertx, MongoStore mongo, CaseStore cases, BrandDirectory brands, EventDispatcher events,
              Lease lease, Duration watchEvery, Clock clock) {
    SlaDueStore due = new SlaDueStore(mongo);
    this.policies = new SlaPolicies(new SlaPolicyStore(mongo), brands, events, clock);
    SlaChanges changes = new SlaChanges(cases, due, events);
    events.register(new SlaClocks(cases, policies, changes));
    this.watcher = new SlaWatcher(vertx, cases, due, policies, changes, lease, clock);
    this.watchEvery = watchEvery;
  }

  public SlaPolicies policies() {
    return policies;
  }

  public SlaWatcher watcher() {
    return watcher;
  }

  public Duration watchEvery() {
    return watchEvery;
  }
}
