package io.earshot.domain.routing;

import java.util.List;

/**
 * An available agent as a routing round sees them: how many open cases they may hold
 * ({@code capacity}), their skills ({@code kind:value}) and how many open cases they hold now.
 */
public record Agent(String username, int capacity, List<String> skills, int load) {
  /** The capacity of an agent whose admin set none. */
  public static final int DEFAULT_CAPACITY = 10;

  public Agent {
    skills = List.copyOf(skills);
  }

  public boolean hasRoom() {
    return load < capacity;
  }

  public Agent plusOne() {
    return new Agent(username, capacity, skills, load + 1);
  }
}
