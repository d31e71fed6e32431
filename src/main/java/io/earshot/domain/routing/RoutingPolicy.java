package io.earshot.domain.routing;

import io.earshot.domain.Decision;
import io.earshot.domain.event.AdminEvents.RoutingPolicyUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Auto-assignment per brand (brand id → {@link BrandRouting}); a brand not listed is not routed.
 * {@code version} grows with every replacement, so two admins replacing it at once cannot both win.
 */
public record RoutingPolicy(Map<String, BrandRouting> brands, long version, Instant updatedAt, String updatedBy) {
  public RoutingPolicy {
    brands = Map.copyOf(brands);
  }

  public static RoutingPolicy none() {
    return new RoutingPolicy(Map.of(), 0, null, null);
  }

  public BrandRouting of(String brand) {
    return brands.getOrDefault(brand, BrandRouting.OFF);
  }

  public boolean routesAny() {
    return brands.values().stream().anyMatch(BrandRouting::routes);
  }

  /** Replaces the whole policy, told as {@code routing_policy.updated} with each brand's mode. */
  public Decision<RoutingPolicy> replace(Map<String, BrandRouting> next, String actor, Instant at) {
    RoutingPolicy after = new RoutingPolicy(next, version + 1, at, actor);
    String detail = new TreeMap<>(next).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().mode().code()).collect(Collectors.joining(" "));
    return new Decision<>(after, List.of(new RoutingPolicyUpdated(after.version(), actor,
        detail.isEmpty() ? "no brand routed" : detail, at)));
  }
}
