package io.earshot.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One person on one platform ({@code id} is {@code platform:authorId}); their cases make up the
 * history agents see. Tags such as {@code vip} feed priority.
 */
public record Customer(String id, Platform platform, String authorId, String handle, String name,
                       long followers, boolean verified, Set<String> tags, Instant firstSeen,
                       Instant lastSeen) {
  public Customer {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public boolean isVip() {
    return tags.contains("vip");
  }
}
