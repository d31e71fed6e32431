package io.earshot.ingest;

import java.util.Map;
import java.util.Set;

/**
 * What one batch did: the mention ids it inserted, those the store refused (with why), the rest
 * being stored already; or that it must run again alone, because threading it moves stored
 * replies between cases and no other batch may thread the same chains meanwhile.
 */
record BatchOutcome(Set<String> inserted, Map<String, String> refused, boolean needsExclusive) {
  static final BatchOutcome NEEDS_EXCLUSIVE = new BatchOutcome(Set.of(), Map.of(), true);

  static BatchOutcome nothingNew() {
    return new BatchOutcome(Set.of(), Map.of(), false);
  }
}
