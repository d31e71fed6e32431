package io.earshot.store;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * Which audit entries to read, newest first: exact {@code actor}, {@code action} and
 * {@code target} (each null = any), {@code from} (inclusive) and {@code to} (exclusive), and
 * {@code after}, the last entry of the previous page. Pages are keyed on {@code (at, _id)}, not
 * skipped by count, so entries recorded while someone pages (all newer) never shift a page.
 */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to, Position after,
                         int limit) {
  /** Where a page ended: the time and id of its last (oldest) entry. */
  public record Position(Instant at, String id) {
  }

  /** The same filters, continuing after {@code position}. */
  public AuditQuery continuing(Position position) {
    return new AuditQuery(actor, action, target, from, to, position, limit);
  }

  /** The filters alone, without the page position (what {@code total} counts). */
  Bson filters() {
    List<Bson> all = new ArrayList<>();
    if (actor != null) {
      all.add(Filters.eq("actor", actor));
    }
    if (action != null) {
      all.add(Filters.eq("action", action));
    }
    if (target != null) {
      all.add(Filters.eq("target", target));
    }
    if (from != null) {
      all.add(Filters.gte("at", Dates.of(from)));
    }
    if (to != null) {
      all.add(Filters.lt("at", Dates.of(to)));
    }
    return all.isEmpty() ? Filters.empty() : Filters.and(all);
  }

  /** The filters and, when paging on, strictly older than the position (same time: smaller id). */
  Bson page() {
    if (after == null) {
      return filters();
    }
    Bson older = Filters.or(Filters.lt("at", Dates.of(after.at())),
        Filters.and(Filters.eq("at", Dates.of(after.at())), Filters.lt("_id", after.id())));
    return Filters.and(filters(), older);
  }
}
