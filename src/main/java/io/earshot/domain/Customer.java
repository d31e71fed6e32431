package io.earshot.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One person on one platform ({@code id} is {@code platform:authorId}); their cases make up the
 * history agents see. Tags such as {@code vip} feed priority. {@code currentCases} points, per
 * brand id, at the case of that brand their latest mention joined, so threading finds a
 * customer's recent case with one brand by key instead of by a scan, and a post to another brand
 * opens a case of its own.
 */
public record Customer(String id, Platform platform, String authorId, String handle, String name,
                       long followers, boolean verified, Set<String> tags, Instant firstSeen,
                       Instant lastSeen, Map<String, String> currentCases) {
  public Customer {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    currentCases = currentCases == null ? Map.of() : Map.copyOf(currentCases);
  }

  public boolean isVip() {
    return tags.contains("vip");
  }

  /** The case of {@code brand} their latest mention to that brand joined, or null. */
  public String currentCase(String brand) {
    return currentCases.get(brand);
  }
}
