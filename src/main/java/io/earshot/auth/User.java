package io.earshot.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A signed-in person (or the owner of an API token) and the roles they hold. What a role allows
 * is answered here, so a check reads {@code user.canWorkCases()} wherever it is made.
 */
public record User(String username, Set<Role> roles) {
  public User {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user holds at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  public static User of(String username, Role... roles) {
    return new User(username, EnumSet.copyOf(List.of(roles)));
  }

  public static User of(String username, Collection<Role> roles) {
    return new User(username, EnumSet.copyOf(roles));
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Agents, managers and admins work cases; someone who is only a marketer reads. */
  public boolean canWorkCases() {
    return hasRole(Role.AGENT) || hasRole(Role.MANAGER) || hasRole(Role.ADMIN);
  }

  public boolean isAdmin() {
    return hasRole(Role.ADMIN);
  }

  /** Brand managers and admins approve what goes out. */
  public boolean canApprove() {
    return hasRole(Role.MANAGER) || hasRole(Role.ADMIN);
  }

  /** Role codes in a stable order (agent, manager, marketer, admin). */
  public List<String> roleCodes() {
    return EnumSet.copyOf(roles).stream().map(Role::code).toList();
  }
}
