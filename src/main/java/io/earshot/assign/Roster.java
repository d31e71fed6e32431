package io.earshot.assign;

import io.earshot.auth.Person;
import io.earshot.auth.Role;
import io.earshot.domain.CareCase;
import io.earshot.domain.routing.Agent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can take routed cases in one round: the available agents with their load (open cases they
 * hold now), and the people whose cases go back to the queue (they said they are away, or were
 * disabled). Someone who never set their availability takes no routed cases but keeps theirs.
 */
final class Roster {
  private final Map<String, Agent> agents = new HashMap<>();
  private final Set<String> gone = new HashSet<>();

  Roster(List<Person> people, List<CareCase> open) {
    Map<String, Integer> load = new HashMap<>();
    open.stream().filter(c -> c.assignee() != null).forEach(c -> load.merge(c.assignee(), 1, Integer::sum));
    for (Person p : people) {
      if (p.disabled() || Person.AWAY.equals(p.availability())) {
        gone.add(p.username());
      } else if (p.available() && p.roles().contains(Role.AGENT)) {
        int capacity = p.capacity() == null ? Agent.DEFAULT_CAPACITY : p.capacity();
        agents.put(p.username(), new Agent(p.username(), capacity, p.skills(), load.getOrDefault(p.username(), 0)));
      }
    }
  }

  boolean gone(String username) {
    return gone.contains(username);
  }

  /** The agents who may take a case, leaving out {@code except} (the one it is taken from), if any. */
  List<Agent> agents(String except) {
    return agents.values().stream().filter(a -> !a.username().equals(except)).toList();
  }

  void gave(String username) {
    agents.computeIfPresent(username, (n, a) -> a.plusOne());
  }

  void tookFrom(String username) {
    agents.computeIfPresent(username, (n, a) -> new Agent(n, a.capacity(), a.skills(), Math.max(0, a.load() - 1)));
  }
}
