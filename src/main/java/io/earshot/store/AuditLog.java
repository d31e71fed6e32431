package io.earshot.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code audit} collection: who did what to which record, and when. Entries are written by
 * the audit listener from events; an entry's {@code _id} is its event's id, so writing an event
 * that was delivered twice leaves one entry. Nothing updates or deletes an entry: readers get
 * {@link #page} only. Futures fail with {@code DomainError.Unavailable} when the store is down.
 */
public final class AuditLog {
  private static final int DUPLICATE_KEY = 11000;
  /** Newest first; {@code _id} breaks ties between entries of the same millisecond, so pages are stable. */
  private static final Bson NEWEST_FIRST = Sorts.descending("at", "_id");

  /**
   * One audited action: {@code action} is the event type, {@code target} its subject, {@code data}
   * the event's payload as JSON (the record after the change and, where the event carries it,
   * what it was before), or null for entries recorded before payloads were kept.
   */
  public record Entry(String id, Instant at, String actor, String action, String target, String detail,
                      String data) {
  }

  /** A page of entries, the number matching the filters, and where the next page starts (null: none). */
  public record Slice(List<Entry> items, long total, AuditQuery.Position next) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> audit;

  public AuditLog(MongoStore mongo) {
    this.mongo = mongo;
    this.audit = mongo.collection(MongoStore.AUDIT);
  }

  /** Records the entries; those already recorded (same id) are left as they are. */
  public Future<Void> recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Document> docs = entries.stream().map(AuditLog::document).toList();
    return mongo.write(() -> {
      try {
        audit.insertMany(docs, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
          throw e;
        }
      }
      return null;
    });
  }

  /** Up to {@code query.limit()} entries newest first, with the total of the filters when {@code counted}. */
  public Future<Slice> page(AuditQuery query, boolean counted) {
    return mongo.run(() -> {
      List<Entry> items = new ArrayList<>();
      // One more than asked tells whether another page exists without a second query.
      audit.find(query.page()).sort(NEWEST_FIRST).limit(query.limit() + 1).forEach(d -> items.add(entry(d)));
      AuditQuery.Position next = null;
      if (items.size() > query.limit()) {
        items.remove(items.size() - 1);
        Entry last = items.get(items.size() - 1);
        next = new AuditQuery.Position(last.at(), last.id());
      }
      long total = counted ? audit.countDocuments(query.filters()) : -1;
      return new Slice(items, total, next);
    });
  }

  public Future<Long> count(String action, String target) {
    return mongo.run(() -> audit.countDocuments(new Document("action", action).append("target", target)));
  }

  private static Document document(Entry e) {
    return new Document("_id", e.id()).append("at", Dates.of(e.at())).append("actor", e.actor())
        .append("action", e.action()).append("target", e.target()).append("detail", e.detail())
        .append("data", e.data() == null ? null : Document.parse(e.data()));
  }

  private static Entry entry(Document d) {
    Document data = d.get("data", Document.class);
    return new Entry(d.getString("_id"), Dates.instant(d.get("at")), d.getString("actor"), d.getString("action"),
        d.getString("target"), d.getString("detail"), data == null ? null : data.toJson());
  }
}
