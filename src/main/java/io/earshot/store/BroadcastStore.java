package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code broadcasts} collection: what the broadcast lifecycle decided, each change stored
 * only over the version it was decided on ({@link StaleWrite} otherwise). A hub holds tens of
 * broadcasts, not thousands, so the lists scan.
 */
public final class BroadcastStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> broadcasts;

  public BroadcastStore(MongoStore mongo) {
    this.mongo = mongo;
    this.broadcasts = mongo.collection(MongoStore.BROADCASTS);
  }

  public Future<Broadcast> insert(Broadcast b, String changeId) {
    return mongo.write(() -> {
      broadcasts.insertOne(BroadcastDocs.toDoc(b).append("changeIds", List.of(changeId)));
      return b;
    });
  }

  public Future<Broadcast> get(String id) {
    return mongo.run(() -> {
      Document d = broadcasts.find(eq("_id", id)).first();
      return d == null ? null : BroadcastDocs.fromDoc(d);
    });
  }

  /** Newest first. */
  public Future<List<Broadcast>> list(int limit) {
    return mongo.run(() -> broadcasts.find().sort(Sorts.descending("createdAt")).limit(limit)
        .map(BroadcastDocs::fromDoc).into(new ArrayList<>()));
  }

  public Future<List<Broadcast>> inStates(List<BroadcastState> states) {
    return mongo.run(() -> broadcasts.find(in("state", states.stream().map(BroadcastState::code).toList()))
        .sort(Sorts.ascending("createdAt")).map(BroadcastDocs::fromDoc).into(new ArrayList<>()));
  }

  /** Every broadcast about {@code problemId}, oldest first. */
  public Future<List<Broadcast>> ofProblem(String problemId) {
    return mongo.run(() -> broadcasts.find(eq("problemId", problemId)).sort(Sorts.ascending("createdAt"))
        .map(BroadcastDocs::fromDoc).into(new ArrayList<>()));
  }

  /** The newest broadcast about {@code problemId} that notifies affected customers and was released; null if none. */
  public Future<Broadcast> latestNotifying(String problemId) {
    List<String> released = List.of(BroadcastState.SENDING.code(), BroadcastState.SENT.code());
    return mongo.run(() -> {
      Document d = broadcasts.find(new Document("problemId", problemId).append("notifyAffected", true)
          .append("state", new Document("$in", released))).sort(Sorts.descending("createdAt")).first();
      return d == null ? null : BroadcastDocs.fromDoc(d);
    });
  }

  public Future<Broadcast> save(Broadcast decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = BroadcastDocs.toDoc(decided);
      fields.remove("_id");
      Document d = broadcasts.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion),
          Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("broadcast " + decided.id());
      }
      return BroadcastDocs.fromDoc(d);
    });
  }
}
