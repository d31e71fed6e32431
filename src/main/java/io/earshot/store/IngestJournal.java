package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * One small document per ingest batch in flight, written before its mentions and removed once
 * its cases and customers reflect them. An entry that outlives its batch marks a crash in the
 * middle, and lists exactly which mentions recovery must finish. Two writes per batch instead of
 * a flag update on every mention keeps this off the hot path's budget.
 */
public final class IngestJournal {
  /** A batch that was opened and not closed. */
  public record Entry(String id, List<String> mentionIds, Instant openedAt) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> journal;

  public IngestJournal(MongoStore mongo) {
    this.mongo = mongo;
    this.journal = mongo.collection(MongoStore.INGEST_JOURNAL);
  }

  public Future<Void> open(String batchId, List<String> mentionIds, Instant now) {
    return mongo.write(() -> journal.insertOne(new Document("_id", batchId)
        .append("mentionIds", mentionIds).append("openedAt", Dates.of(now)))).mapEmpty();
  }

  public Future<Void> close(String batchId) {
    return mongo.write(() -> journal.deleteOne(eq("_id", batchId))).mapEmpty();
  }

  /** Entries opened before {@code before}: their batches died mid-way. */
  public Future<List<Entry>> stale(Instant before, int limit) {
    return mongo.run(() -> journal.find(lt("openedAt", Dates.of(before))).limit(limit)
        .map(d -> new Entry(d.getString("_id"), d.getList("mentionIds", String.class),
            Dates.instant(d.get("openedAt"))))
        .into(new ArrayList<>()));
  }
}
