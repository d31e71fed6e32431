package io.earshot.domain;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named group of users that cases can be given to (a queue for several people), managed by
 * admins. {@code name} is its identity and appears in URLs; {@code members} are usernames, sorted
 * and without repeats; {@code version} grows with every change.
 */
public record Team(String name, List<String> members, Instant createdAt, Instant updatedAt, long version) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{2,64}");

  public Team {
    members = members == null ? List.of() : members.stream().distinct().sorted().toList();
  }

  /** 2-64 letters, digits, '.', '_' or '-', and not a word with a meaning of its own in the API. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.equalsIgnoreCase("none")
        && !name.equalsIgnoreCase("me");
  }

  public Team withMembers(List<String> next, Instant at) {
    return new Team(name, next, createdAt, at, version + 1);
  }
}
