package io.earshot.domain.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Platform;
import io.earshot.domain.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which agent a routed case goes to")
class RoutingTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final CareCase CASE = new CareCase("c1", Platform.SANDBOX, "acct", "default", "sandbox:ann", "ann",
      CaseStatus.NEW, Priority.of(40), null, null, List.of(), "subject", "last", 1, T, T, T, null, null, 1, null, null, null, null);
  private static final BrandRouting LEAST = new BrandRouting(RoutingMode.LEAST_LOAD, Set.of(), null);

  @Test
  @DisplayName("least_load keeps every agent within one case of its capacity share after every single case")
  void proportional() {
    int[] capacities = {30, 60, 90, 120, 150, 180, 210, 240, 270, 300};
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < capacities.length; i++) {
      agents.add(new Agent("agent" + i, capacities[i], List.of(), 0));
    }
    double total = 1650;
    for (int n = 1; n <= 1000; n++) {
      String chosen = Routing.pick(CASE, LEAST, agents, null).orElseThrow();
      agents.replaceAll(a -> a.username().equals(chosen) ? a.plusOne() : a);
      for (Agent a : agents) {
        double share = n * a.capacity() / total;
        assertTrue(Math.abs(a.load() - share) < 1, "after " + n + " cases " + a + " vs share " + share);
      }
    }
  }

  @Test
  @DisplayName("nobody over capacity gets a case; when all are full the case waits")
  void capacity() {
    List<Agent> full = List.of(new Agent("ann", 2, List.of(), 2), new Agent("bob", 1, List.of(), 1));
    assertEquals(Optional.empty(), Routing.pick(CASE, LEAST, full, null));
    List<Agent> one = List.of(new Agent("ann", 2, List.of(), 2), new Agent("bob", 3, List.of(), 1));
    assertEquals(Optional.of("bob"), Routing.pick(CASE, LEAST, one, null));
  }

  @Test
  @DisplayName("round_robin goes to the next agent by name with room, wrapping around")
  void roundRobin() {
    BrandRouting turn = new BrandRouting(RoutingMode.ROUND_ROBIN, Set.of(), null);
    List<Agent> agents = List.of(new Agent("ann", 5, List.of(), 0), new Agent("bob", 5, List.of(), 5),
        new Agent("cy", 5, List.of(), 0));
    assertEquals("cy", Routing.pick(CASE, turn, agents, "ann").orElseThrow());
    assertEquals("ann", Routing.pick(CASE, turn, agents, "cy").orElseThrow());
    assertEquals("ann", Routing.pick(CASE, turn, agents, null).orElseThrow());
  }

  @Test
  @DisplayName("skill matching: an agent listing platforms gets only those; one listing none takes any")
  void skills() {
    BrandRouting byPlatform = new BrandRouting(RoutingMode.LEAST_LOAD, Set.of(SkillKind.PLATFORM), null);
    List<Agent> agents = List.of(new Agent("xonly", 50, List.of("platform:x"), 0),
        new Agent("sandboxer", 1, List.of("platform:sandbox", "language:de"), 0));
    assertEquals("sandboxer", Routing.pick(CASE, byPlatform, agents, null).orElseThrow());
    List<Agent> anyone = List.of(new Agent("xonly", 50, List.of("platform:x"), 0), new Agent("any", 1, List.of(), 0));
    assertEquals("any", Routing.pick(CASE, byPlatform, anyone, null).orElseThrow());
    assertEquals(Optional.empty(), Routing.pick(CASE, byPlatform, List.of(agents.get(0)), null));
  }
}
