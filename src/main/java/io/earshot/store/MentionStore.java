package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
  private final MongoStore mongo;
  private final MongoCollection<Document> mentions;
  private final MentionInserts inserts;
  private final OrphanStore orphans;

  public MentionStore(MongoStore mongo) {
    this.mongo = mongo;
    this.mentions = mongo.collection(MongoStore.MENTIONS);
    this.inserts = new MentionInserts(mentions);
    this.orphans = new OrphanStore(mongo);
  }

  /** Replies stored before their parent, waiting for it. */
  public OrphanStore orphans() {
    return orphans;
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

  /** What {@link #insertNew} did: the ids it inserted, and the ids the store refused with why. */
  public record Inserted(Set<String> ids, Map<String, String> refused) {
  }

  /**
   * Inserts the mentions unordered and durably. Ids another writer stored first are left out of
   * {@code ids} (they are duplicates); a mention the store refuses for any other reason is
   * refused alone, with the store's reason (see {@link MentionInserts}). Fails only when the
   * store itself is unavailable ({@link StoreFaults}).
   */
  public Future<Inserted> insertNew(List<Mention> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(new Inserted(Set.of(), Map.of()));
    }
    return mongo.write(() -> {
      MentionInserts.Result result = inserts.insert(batch);
      return new Inserted(result.inserted(), result.refused());
    });
  }

  /**
   * Completes once every write finished before the call is durable: a mention read as stored may
   * have been written by a batch still waiting for its commit, and is answered as a duplicate
   * only after this.
   */
  public Future<Void> durable() {
    return mongo.barrier();
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
}
