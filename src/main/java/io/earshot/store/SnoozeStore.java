package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code snoozes} collection, {@code {_id: caseId, until}}: which cases may be due to return
 * from a snooze. The case document is the truth ({@code snoozedUntil}); this is the small
 * working set the periodic wake-up scans, so it never scans {@code cases} (a collection scan on
 * the embedded server, seconds at 50,000 cases). An entry may outlive its snooze (the customer
 * wrote, an agent reopened the case): the wake-up then finds the case not snoozed and forgets it.
 */
public final class SnoozeStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> snoozes;

  public SnoozeStore(MongoStore mongo) {
    this.mongo = mongo;
    this.snoozes = mongo.collection(MongoStore.SNOOZES);
  }

  /** Remembers that case {@code caseId} is snoozed until {@code until}; written before the case is. */
  public Future<Void> remember(String caseId, Instant until) {
    return mongo.write(() -> snoozes.replaceOne(eq("_id", caseId), new Document("_id", caseId)
        .append("until", Dates.of(until)), new ReplaceOptions().upsert(true))).mapEmpty();
  }

  /** An entry: the case and when its snooze ends. */
  public record Due(String caseId, Instant until) {
  }

  /** Entries whose snooze ends at or before {@code now}, soonest first. */
  public Future<List<Due>> due(Instant now, int limit) {
    return mongo.run(() -> snoozes.find(lte("until", Dates.of(now))).sort(Sorts.ascending("until")).limit(limit)
        .map(d -> new Due(d.getString("_id"), Dates.instant(d.get("until")))).into(new ArrayList<>()));
  }

  /** Forgets the entry of {@code caseId} if it still says {@code until} (a newer snooze keeps its own). */
  public Future<Void> forget(String caseId, Instant until) {
    return mongo.write(() -> snoozes.deleteOne(new Document("_id", caseId).append("until", Dates.of(until))))
        .mapEmpty();
  }
}
