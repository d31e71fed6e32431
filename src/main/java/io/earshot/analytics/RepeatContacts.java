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
 * case per brand and the opening before it, so a case told twice gets the same answer.
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
    Map<String, CaseFact> byKey = new LinkedHashMap<>();
    opened.forEach(c -> byKey.merge(key(c), c, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
    return contacts.get(byKey.keySet()).compose(known -> {
      Set<String> repeats = new HashSet<>();
      List<LastContact> changed = new ArrayList<>();
      byKey.forEach((key, c) -> decide(key, c, known.get(key), repeats, changed));
      return contacts.put(changed).map(repeats);
    });
  }

  private static void decide(String key, CaseFact c, LastContact last, Set<String> repeats, List<LastContact> changed) {
    if (last != null && last.caseId().equals(c.id())) {
      if (within(last.previousAt(), c)) {
        repeats.add(c.id());
      }
      return;
    }
    Instant previous = last == null ? null : last.openedAt();
    if (within(previous, c)) {
      repeats.add(c.id());
    }
    changed.add(new LastContact(key, c.id(), c.createdAt(), previous));
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
