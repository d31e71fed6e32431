package io.earshot.ingest;

import io.earshot.domain.Mention;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the next batch so that it can run beside the batches already in flight: a mention
 * waits while another mention of the same customer, or the post it answers, is in flight, and so
 * does every later mention of that customer or chain, which keeps each customer's mentions in
 * arrival order. No I/O; used from the pipeline's single context.
 */
final class BatchPicker {
  private final Set<String> busyCustomers = new HashSet<>();
  private final Set<String> busyMentions = new HashSet<>();

  <T> List<T> take(Deque<T> queue, int max, Function<T, Mention> mentionOf) {
    List<T> picked = new ArrayList<>(Math.min(max, queue.size()));
    Set<String> deferredCustomers = new HashSet<>();
    Set<String> deferredMentions = new HashSet<>();
    Iterator<T> it = queue.iterator();
    while (it.hasNext() && picked.size() < max) {
      T item = it.next();
      Mention m = mentionOf.apply(item);
      String parent = m.inReplyTo() == null ? null : Mention.idOf(m.platform(), m.inReplyTo());
      boolean blocked = busyCustomers.contains(m.customerId()) || deferredCustomers.contains(m.customerId())
          || parent != null && (busyMentions.contains(parent) || deferredMentions.contains(parent));
      if (blocked) {
        deferredCustomers.add(m.customerId());
        deferredMentions.add(m.id());
      } else {
        picked.add(item);
        it.remove();
      }
    }
    picked.forEach(item -> {
      busyCustomers.add(mentionOf.apply(item).customerId());
      busyMentions.add(mentionOf.apply(item).id());
    });
    return picked;
  }

  <T> void release(List<T> batch, Function<T, Mention> mentionOf) {
    batch.forEach(item -> {
      busyCustomers.remove(mentionOf.apply(item).customerId());
      busyMentions.remove(mentionOf.apply(item).id());
    });
  }
}
