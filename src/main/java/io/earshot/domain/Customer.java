package io.earshot.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One person on one platform ({@code id} is {@code platform:authorId}); their cases make up the
 * history agents see. Tags such as {@code vip} feed priority. {@code currentCaseId} points at the
 * case their latest mention joined, so threading finds it by key instead of by a scan.
 */
public record Customer(String id, Platform platform, String authorId, String handle, String name,
                       long followers, boolean verified, Set<String> tags, Instant firstSeen,
                       Instant lastSeen, String currentCaseId) {
  public Customer {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  public boolean isVip() {
    return tags.contains("vip");
  }
}
