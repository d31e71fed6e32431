package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.SavedReply;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code saved_replies} collection: saved reply templates, shared ({@code brand} null) or of
 * one brand. A deleted one stays as a tombstone, left out of every read, so the one-time import
 * of the template files never brings it back. The collection is small (tens of templates), so the
 * scans the embedded server makes of it stay cheap. {@code uses} is a counter changed only by
 * {@code $inc}, never by a lifecycle's save, so a count is never lost to an edit.
 */
public final class SavedReplyStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> replies;

  public SavedReplyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.replies = mongo.collection(MongoStore.SAVED_REPLIES);
  }

  /** Writes a new template as change {@code changeId}. */
  public Future<SavedReply> insert(SavedReply r, String changeId) {
    return mongo.write(() -> {
      replies.insertOne(toDoc(r).append("changeIds", List.of(changeId)));
      return r;
    });
  }

  /**
   * Writes {@code r} unless a document with its id exists, even a tombstone; answers whether it
   * was written. Idempotent: every instance may try at start-up, one wins.
   */
  public Future<Boolean> insertIfAbsent(SavedReply r) {
    return mongo.write(() -> {
      try {
        replies.insertOne(toDoc(r));
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCode() == DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    });
  }

  /** The id of every template ever stored, deleted ones too. */
  public Future<java.util.Set<String>> allIds() {
    return mongo.run(() -> replies.find().projection(new Document("_id", 1)).map(d -> d.getString("_id"))
        .into(new java.util.HashSet<>()));
  }

  /** The template, or null when there is none or it was deleted. */
  public Future<SavedReply> get(String id) {
    return mongo.run(() -> {
      Document d = replies.find(and(eq("_id", id), ne("deleted", true))).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** Every template not deleted, by name. */
  public Future<List<SavedReply>> list() {
    return mongo.run(() -> replies.find(ne("deleted", true)).sort(Sorts.ascending("name", "_id"))
        .map(SavedReplyStore::fromDoc).into(new ArrayList<>()));
  }

  /**
   * Stores what the lifecycle decided about a template read at {@code expectedVersion}; fails
   * with {@link StaleWrite} when someone changed it first.
   */
  public Future<SavedReply> save(SavedReply decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = toDoc(decided);
      fields.remove("_id");
      fields.remove("uses");
      Document d = replies.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion),
          Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("saved reply " + decided.id());
      }
      return fromDoc(d);
    });
  }

  /** Counts one more reply submitted from the template. */
  public Future<Void> countUse(String id) {
    return mongo.write(() -> replies.updateOne(eq("_id", id), Updates.inc("uses", 1L))).mapEmpty();
  }

  private static Document toDoc(SavedReply r) {
    return new Document("_id", r.id()).append("name", r.name()).append("body", r.body()).append("brand", r.brand())
        .append("uses", r.uses()).append("createdBy", r.createdBy()).append("createdAt", Dates.of(r.createdAt()))
        .append("updatedAt", Dates.of(r.updatedAt())).append("deleted", r.deleted()).append("version", r.version());
  }

  private static SavedReply fromDoc(Document d) {
    Number uses = d.get("uses", Number.class);
    return new SavedReply(d.getString("_id"), d.getString("name"), d.getString("body"), d.getString("brand"),
        uses == null ? 0 : uses.longValue(), d.getString("createdBy"), Dates.instant(d.get("createdAt")),
        Dates.instant(d.get("updatedAt")), d.getBoolean("deleted", false), CaseDocs.version(d));
  }
}
