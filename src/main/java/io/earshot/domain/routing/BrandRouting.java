package io.earshot.domain.routing;

import java.util.Set;

/**
 * One brand's auto-assignment: the {@code mode}, the skill kinds a case requires of its agent
 * ({@code match}; empty: any agent), and after how many minutes an assigned case nobody touched
 * goes to someone else ({@code reassignAfterMinutes}, null: never).
 */
public record BrandRouting(RoutingMode mode, Set<SkillKind> match, Integer reassignAfterMinutes) {
  public BrandRouting {
    match = match == null ? Set.of() : Set.copyOf(match);
  }

  public static final BrandRouting OFF = new BrandRouting(RoutingMode.OFF, Set.of(), null);

  public boolean routes() {
    return mode != RoutingMode.OFF;
  }
}
