package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code mentions} collection: the system of record for everything read from platforms.
 * {@code _id} is {@code platform:externalId}, so a second insert of the same mention is a
 * duplicate-key error, which {@link #insertNew} reports as "already stored", not as a failure.
 */
public final class MentionStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> mentions;
  private final MongoCollection<Document> orphans;

  public MentionStore(MongoStore mongo) {
    this.mongo = mongo;
    this.mentions = mongo.collection(MongoStore.MENTIONS);
    this.orphans = mongo.collection(MongoStore.ORPHANS);
  }

  /** The stored document shape of a mention (benchmarks compare raw inserts of it). */
  public static Document document(Mention mention) {
    return MentionDocs.toDoc(mention);
  }

  /** Case ids of stored mentions, by mention id (used to thread replies to their parent). */
  public Future<Map<String, String>> caseIdsOf(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, String> found = new HashMap<>();
      mentions.find(in("_id", ids)).projection(Projections.include("_id", "caseId"))
          .forEach(d -> found.put(d.getString("_id"), d.getString("caseId")));
      return found;
    });
  }

  /**
   * Inserts the mentions unordered. Answers the ids
   * that were really inserted; ids another writer stored first are left out (they are
   * duplicates). Fails on any other write error.
   */
  public Future<Set<String>> insertNew(List<Mention> batch) {
    return mongo.write(() -> {
      List<Document> docs = batch.stream().map(m -> MentionDocs.toDoc(m)).toList();
      Set<String> inserted = new HashSet<>(batch.stream().map(Mention::id).toList());
      try {
        mentions.insertMany(docs, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        for (BulkWriteError error : e.getWriteErrors()) {
          if (error.getCode() != DUPLICATE_KEY) {
            throw e;
          }
          inserted.remove(docs.get(error.getIndex()).getString("_id"));
        }
      }
      return inserted;
    });
  }

  public Future<List<Mention>> byIds(Collection<String> ids) {
    return mongo.run(() -> mentions.find(in("_id", ids)).map(MentionDocs::fromDoc).into(new ArrayList<>()));
  }

  public Future<Mention> get(String id) {
    return mongo.run(() -> {
      Document d = mentions.find(eq("_id", id)).first();
      return d == null ? null : MentionDocs.fromDoc(d);
    });
  }

  /** The mentions with these ids, oldest first (a case's thread). */
  public Future<List<Mention>> thread(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return byIds(ids).map(found -> found.stream().sorted(java.util.Comparator.comparing(Mention::createdAt)).toList());
  }

  public Future<Page<Mention>> list(String platform, int limit) {
    return mongo.run(() -> {
      Bson filter = platform == null ? new Document() : eq("platform", platform);
      List<Mention> items = mentions.find(filter).sort(Sorts.descending("receivedAt")).limit(limit)
          .map(MentionDocs::fromDoc).into(new ArrayList<>());
      return new Page<>(items, mentions.countDocuments(filter));
    });
  }

  /**
   * Remembers replies stored before their parent, as parent mention id → the reply's case, so
   * the parent joins that case when it arrives (platforms that page newest-first hand out a
   * reply before its parent). Keyed by the parent's id: the lookup is a keyed read, never a
   * scan; the first reply's case wins.
   */
  public Future<Void> rememberOrphans(Map<String, String> caseIdByParentId, java.time.Instant now) {
    if (caseIdByParentId.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    caseIdByParentId.forEach((parentId, caseId) -> writes.add(new UpdateOneModel<>(eq("_id", parentId),
        Updates.combine(Updates.setOnInsert("caseId", caseId), Updates.setOnInsert("since", Dates.of(now))),
        new UpdateOptions().upsert(true))));
    return mongo.write(() -> orphans.bulkWrite(writes, new BulkWriteOptions().ordered(false))).mapEmpty();
  }

  /** Cases of replies that were stored before these (parent) mentions, by mention id. */
  public Future<Map<String, String>> orphanCasesOf(Collection<String> parentIds) {
    if (parentIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, String> found = new HashMap<>();
      // Usually there are none: one count is far cheaper than a keyed read per mention.
      if (orphans.estimatedDocumentCount() == 0) {
        return found;
      }
      orphans.find(in("_id", parentIds)).forEach(d -> found.put(d.getString("_id"), d.getString("caseId")));
      return found;
    });
  }

  /** Forgets orphans whose parent has been stored. */
  public Future<Void> forgetOrphans(Collection<String> parentIds) {
    return parentIds.isEmpty() ? Future.succeededFuture()
        : mongo.write(() -> orphans.deleteMany(in("_id", parentIds))).mapEmpty();
  }
}
