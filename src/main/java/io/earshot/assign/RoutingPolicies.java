package io.earshot.assign;

import io.earshot.auth.User;
import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Decision;
import io.earshot.domain.routing.BrandRouting;
import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.RoutingPolicyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;

/**
 * Reading and replacing the routing policy: managers and admins read it, admins replace it (for
 * known brands only), stored over the version read and told as {@code routing_policy.updated}.
 * Futures fail with {@link DomainError.Forbidden}, {@code Unprocessable} (an unknown brand) or
 * {@code Conflict} (another admin replaced it first).
 */
public final class RoutingPolicies {
  private final RoutingPolicyStore store;
  private final BrandDirectory brands;
  private final EventDispatcher events;
  private final Clock clock;

  public RoutingPolicies(RoutingPolicyStore store, BrandDirectory brands, EventDispatcher events, Clock clock) {
    this.store = store;
    this.brands = brands;
    this.events = events;
    this.clock = clock;
  }

  public Future<RoutingPolicy> get(User actor) {
    return actor.canApprove() ? store.get()
        : Future.failedFuture(new DomainError.Forbidden("managers and admins read the routing policy"));
  }

  public Future<RoutingPolicy> replace(User actor, Map<String, BrandRouting> next) {
    if (!actor.isAdmin()) {
      return Future.failedFuture(new DomainError.Forbidden("only admins change the routing policy"));
    }
    return brands.unknown(next.keySet()).compose(unknown -> unknown.isEmpty() ? store.get()
            : Future.failedFuture(new DomainError.Unprocessable("brands", "not known brands: " + unknown)))
        .compose(before -> {
          Decision<RoutingPolicy> decision = before.replace(next, actor.username(), clock.instant());
          Change change = Change.of(MongoStore.POLICIES, "routing", decision.events());
          return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()));
        })
        .recover(e -> Future.failedFuture(e instanceof StaleWrite
            ? new DomainError.Conflict("another admin changed the routing policy; reload it and try again") : e));
  }
}
