package io.earshot.auth;

import io.earshot.store.UserStore.StoredUser;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person as an admin manages them: roles, whether they may sign in, how many open cases they
 * take at most ({@code capacity}, null: no limit) and their skills. Never carries the password hash.
 */
public record Person(String username, Set<Role> roles, boolean disabled, Integer capacity, List<String> skills,
                     Instant createdAt) {

  /** The stored user, with role codes this version does not know left out. */
  public static Person of(StoredUser stored) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : stored.roles()) {
      try {
        roles.add(Role.fromCode(code));
      } catch (IllegalArgumentException e) {
        // a role written by a newer version; ignoring it never grants more than the known roles
      }
    }
    return new Person(stored.username(), Set.copyOf(roles), stored.disabled(), stored.capacity(),
        stored.skills(), stored.createdAt());
  }

  /** The person as an actor; only meaningful while they hold a role. */
  public User user() {
    return User.of(username, roles);
  }

  public boolean activeAdmin() {
    return !disabled && roles.contains(Role.ADMIN);
  }
}
