package io.earshot.ingest;

import io.earshot.domain.Mention;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the next batch so that it can run beside the batches already in flight: a mention
 * waits while another mention of the same customer, or the post it answers, is in flight, and so
 * does every later mention of that customer or chain, which keeps each customer's mentions in
 * arrival order. A post also waits while an answer to it is in flight: that answer may be stored
 * as an orphan waiting for it, which the post's own batch must be able to read. And a reply
 * waits while another answer to the same post is in flight: when that post is not stored, the
 * first answer records the case its siblings must join.
 * No I/O; used from the pipeline's single context.
 */
final class BatchPicker {
  private final Set<String> busyCustomers = new HashSet<>();
  private final Set<String> busyMentions = new HashSet<>();
  /** Posts answered by in-flight mentions, counted: two batches may answer the same post. */
  private final Map<String, Integer> busyParents = new HashMap<>();

  <T> List<T> take(Deque<T> queue, int max, Function<T, Mention> mentionOf) {
    List<T> picked = new ArrayList<>(Math.min(max, queue.size()));
    Set<String> deferredCustomers = new HashSet<>();
    Set<String> deferredMentions = new HashSet<>();
    Iterator<T> it = queue.iterator();
    while (it.hasNext() && picked.size() < max) {
      T item = it.next();
      Mention m = mentionOf.apply(item);
      String parent = parentOf(m).orElse(null);
      boolean blocked = busyCustomers.contains(m.customerId()) || deferredCustomers.contains(m.customerId())
          || parent != null && (busyMentions.contains(parent) || deferredMentions.contains(parent)
              || busyParents.containsKey(parent))
          || busyParents.containsKey(m.id());
      if (blocked) {
        deferredCustomers.add(m.customerId());
        deferredMentions.add(m.id());
      } else {
        picked.add(item);
        it.remove();
      }
    }
    picked.forEach(item -> {
      Mention m = mentionOf.apply(item);
      busyCustomers.add(m.customerId());
      busyMentions.add(m.id());
      parentOf(m).ifPresent(p -> busyParents.merge(p, 1, Integer::sum));
    });
    return picked;
  }

  <T> void release(List<T> batch, Function<T, Mention> mentionOf) {
    batch.forEach(item -> {
      Mention m = mentionOf.apply(item);
      busyCustomers.remove(m.customerId());
      busyMentions.remove(m.id());
      parentOf(m).ifPresent(p -> busyParents.computeIfPresent(p, (k, n) -> n == 1 ? null : n - 1));
    });
  }

  private static Optional<String> parentOf(Mention m) {
    return m.inReplyTo() == null ? Optional.empty() : Optional.of(Mention.idOf(m.platform(), m.inReplyTo()));
  }
}
