package io.earshot.problem;

import java.time.Instant;
import java.util.List;

/**
 * A part of the organisation that owns the causes of Problems (billing, logistics, product,
 * IT…): its members (usernames) and how to reach it ({@code contact}: free text, e.g. an owner's
 * name and an address). A signed-in member who is not an admin sees and works only the Problems of
 * the departments they belong to.
 */
public record Department(String id, String name, List<String> members, String contact, Instant createdAt,
                         Instant updatedAt, long version) {
  public Department {
    members = members == null ? List.of() : List.copyOf(members);
  }
}
