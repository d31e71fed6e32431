package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code orphans} collection: posts that stored replies answer but that are not stored
 * themselves yet (platforms that page newest-first hand out a reply before its parent), keyed by
 * the parent's mention id, with the case the replies went to and the replies' ids. A late parent
 * reads it to adopt those replies; another reply to the same parent reads it to join them. Every
 * read is keyed, never a scan. Writes are staged ({@link MongoStore#stage}): they are written
 * before the batch's mentions, whose durable insert commits them too.
 */
public final class OrphanStore {
  /** Replies waiting for a parent: the case chosen for them and their mention ids. */
  public record Waiting(String caseId, List<String> replyIds) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> orphans;

  OrphanStore(MongoStore mongo) {
    this.mongo = mongo;
    this.orphans = mongo.collection(MongoStore.ORPHANS);
  }

  /** What waits for each of these mention ids, for those some reply waits for. */
  public Future<Map<String, Waiting>> waitingFor(Collection<String> parentIds) {
    if (parentIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Waiting> found = new HashMap<>();
      // Usually there are none: one count is far cheaper than a keyed read per mention.
      if (orphans.estimatedDocumentCount() == 0) {
        return found;
      }
      orphans.find(in("_id", parentIds)).forEach(d -> found.put(d.getString("_id"),
          new Waiting(d.getString("caseId"), d.getList("replyIds", String.class, List.of()))));
      return found;
    });
  }

  /**
   * Records replies waiting for their parents; the first case recorded for a parent stays (its
   * later replies join it), reply ids accumulate. Idempotent.
   */
  public Future<Void> remember(Map<String, Waiting> byParentId, Instant now) {
    if (byParentId.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    byParentId.forEach((parentId, w) -> writes.add(new UpdateOneModel<>(eq("_id", parentId),
        Updates.combine(Updates.setOnInsert("caseId", w.caseId()), Updates.setOnInsert("since", Dates.of(now)),
            Updates.addEachToSet("replyIds", w.replyIds())),
        new UpdateOptions().upsert(true))));
    return mongo.stage(() -> orphans.bulkWrite(writes, new BulkWriteOptions().ordered(false))).mapEmpty();
  }

  /** Forgets what waited for parents that are stored now (their replies joined them). */
  public Future<Void> forget(Collection<String> parentIds) {
    return parentIds.isEmpty() ? Future.succeededFuture()
        : mongo.stage(() -> orphans.deleteMany(in("_id", parentIds))).mapEmpty();
  }
}
