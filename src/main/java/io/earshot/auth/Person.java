package io.earshot.auth;

import io.earshot.store.UserStore.StoredUser;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person as an admin manages them: roles, whether they may sign in, how many open cases they
 * take at most ({@code capacity}, null: no limit), their skills, the name and per-brand signatures
 * customers see ({@code displayName} null: none given) and whether an admin flagged them (approval
 * rules may hold a flagged author's replies) and whether they take cases now ({@code availability}:
 * {@link #AVAILABLE} or {@link #AWAY}). Never carries the password hash.
 */
public record Person(String username, Set<Role> roles, boolean disabled, Integer capacity, List<String> skills,
                     Instant createdAt, String displayName, Map<String, String> signatures, boolean flagged,
                     String availability) {

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
        stored.skills(), stored.createdAt(), stored.displayName(), stored.signatures(), stored.flagged(),
        stored.availability());
  }

  /** Takes cases from auto-assignment. */
  public static final String AVAILABLE = "available";
  /** Takes no new cases (someone who never said, null, takes none either, but keeps what they hold). */
  public static final String AWAY = "away";

  public boolean available() {
    return !disabled && AVAILABLE.equals(availability);
  }

  /** The person as an actor; only meaningful while they hold a role. */
  public User user() {
    return User.of(username, roles);
  }

  public boolean activeAdmin() {
    return !disabled && roles.contains(Role.ADMIN);
  }
}
