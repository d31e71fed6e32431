package io.earshot.domain.routing;

import io.earshot.domain.CareCase;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which agent a waiting case goes to, as a pure function of the brand's rule and the agents'
 * loads. Only agents with room whose skills fit are considered. {@code least_load} shares cases
 * in proportion to capacity by the quota method (Balinski and Young): among agents still below
 * their upper quota for one more case, the one with the most capacity per case held; so after
 * any number of cases every agent's share is within one case of its capacity share.
 * {@code round_robin} takes the next agent by name after the last one given a case.
 */
public final class Routing {
  private Routing() {
  }

  public static Optional<String> pick(CareCase c, BrandRouting rule, List<Agent> agents, String lastInTurn) {
    List<Agent> fit = agents.stream().filter(a -> skilled(a, c, rule)).toList();
    List<Agent> room = fit.stream().filter(Agent::hasRoom).toList();
    if (room.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rule.mode() == RoutingMode.ROUND_ROBIN ? nextInTurn(room, lastInTurn) : byQuota(fit, room));
  }

  private static String byQuota(List<Agent> fit, List<Agent> room) {
    double total = fit.stream().mapToInt(Agent::capacity).sum();
    int held = fit.stream().mapToInt(Agent::load).sum();
    Comparator<Agent> most = Comparator.comparingDouble((Agent a) -> (double) a.capacity() / (a.load() + 1))
        .reversed().thenComparing(Agent::username);
    List<Agent> underQuota = room.stream().filter(a -> a.load() < (held + 1) * a.capacity() / total).toList();
    return (underQuota.isEmpty() ? room : underQuota).stream().min(most).orElseThrow().username();
  }

  private static String nextInTurn(List<Agent> room, String last) {
    List<Agent> byName = room.stream().sorted(Comparator.comparing(Agent::username)).toList();
    return byName.stream().filter(a -> last == null || a.username().compareTo(last) > 0).findFirst()
        .orElse(byName.get(0)).username();
  }

  /** For each kind the rule matches on, an agent who lists skills of that kind must list one of the case's values. */
  static boolean skilled(Agent a, CareCase c, BrandRouting rule) {
    for (SkillKind kind : rule.match()) {
      String prefix = kind.code() + ":";
      List<String> own = a.skills().stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
          .toList();
      if (!own.isEmpty() && kind.valuesOf(c).stream().noneMatch(own::contains)) {
        return false;
      }
    }
    return true;
  }
}
