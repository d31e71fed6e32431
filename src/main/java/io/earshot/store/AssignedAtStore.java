package io.earshot.store;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * When each case was last given to its current assignee ({@code case_assignments}, {@code _id} =
 * case id): what "waiting untouched past the threshold" is measured from, since a case's own
 * {@code updatedAt} also moves when its priority climbs.
 */
public final class AssignedAtStore {
  public static final String COLLECTION = "case_assignments";
  private final MongoStore mongo;
  private final MongoCollection<Document> assignments;

  public AssignedAtStore(MongoStore mongo) {
    this.mongo = mongo;
    this.assignments = mongo.collection(COLLECTION);
  }

  /** Records that {@code caseId} went to {@code assignee} (null: nobody) at {@code at}; idempotent. */
  public Future<Void> record(String caseId, String assignee, Instant at) {
    return mongo.write(() -> assignments.updateOne(new Document("_id", caseId),
        Updates.combine(Updates.set("assignee", assignee), Updates.set("at", Dates.of(at))),
        new UpdateOptions().upsert(true))).mapEmpty();
  }

  /** Who a case went to last, and when. */
  public record Assigned(String assignee, Instant at) {
  }

  /** Case id → its last recorded assignment; cases without a record are left out. */
  public Future<Map<String, Assigned>> of(Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Assigned> found = new HashMap<>();
      assignments.find(in("_id", caseIds)).forEach(d -> found.put(d.getString("_id"),
          new Assigned(d.getString("assignee"), Dates.instant(d.get("at")))));
      return found;
    });
  }
}
