package io.earshot.analytics;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.store.ContactStore;
import io.earshot.store.ContactStore.LastContact;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which newly opened cases are repeat contacts: the customer opened another case with the same
 * brand at most {@link RollupBatch#REPEAT_WINDOW} before. The store keeps each customer's newest
 * case per brand and the opening before it, so a case told twice gets the same answer. What it
 * learns is staged, not committed on its own: the rollup write that follows commits it, and if
 * that never happens, a delivery told again finds the contacts as they were and decides alike.
 */
public final class RepeatContacts {
  private final ContactStore contacts;

  public RepeatContacts(ContactStore contacts) {
    this.contacts = contacts;
  }

  /** The ids of the cases among {@code opened} that repeat a contact; records them as the newest. */
  public Future<Set<String>> of(List<CaseFact> opened) {
    if (opened.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    // Several openings of one customer may come in one flush: decided oldest first, each after the one before.
    Map<String, List<CaseFact>> byKey = new LinkedHashMap<>();
    opened.stream().sorted(java.util.Comparator.comparing(CaseFact::createdAt))
        .forEach(c -> byKey.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c));
    return contacts.get(byKey.keySet()).compose(known -> {
      Set<String> repeats = new HashSet<>();
      Map<String, LastContact> changed = new LinkedHashMap<>();
      byKey.forEach((key, cases) -> {
        LastContact last = known.get(key);
        for (CaseFact c : cases) {
          LastContact next = decide(key, c, last, repeats);
          if (next != last) {
            changed.put(key, next);
            last = next;
          }
        }
      });
      return contacts.stage(changed.values(), known.keySet()).map(repeats);
    });
  }

  /** Whether {@code c} repeats a contact; answers the customer's last contact after it ({@code last} if unchanged). */
  private static LastContact decide(String key, CaseFact c, LastContact last, Set<String> repeats) {
    if (last != null && last.caseId().equals(c.id())) {
      if (within(last.previousAt(), c)) {
        repeats.add(c.id());
      }
      return last;
    }
    Instant previous = last == null ? null : last.openedAt();
    if (within(previous, c)) {
      repeats.add(c.id());
    }
    return new LastContact(key, c.id(), c.createdAt(), previous);
  }

  static boolean within(Instant previous, CaseFact c) {
    if (previous == null || previous.isAfter(c.createdAt())) {
      return false;
    }
    return Duration.between(previous, c.createdAt()).compareTo(RollupBatch.REPEAT_WINDOW) <= 0;
  }

  static String key(CaseFact c) {
    return c.brand() + "|" + c.customerId();
  }
}
