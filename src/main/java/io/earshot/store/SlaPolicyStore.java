package io.earshot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.sla.SlaPolicy;
import io.vertx.core.Future;
import org.bson.Document;

/**
 * The SLA policy, one versioned document ({@code policies/sla}) beside the approval policy. A
 * hub that never stored one reads the empty policy (no brand has an SLA) at version 0. Every
 * read goes to MongoDB, so a change is in force on every instance at once.
 */
public final class SlaPolicyStore {
  private static final String ID = "sla";
  private final MongoStore mongo;
  private final MongoCollection<Document> policies;

  public SlaPolicyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.policies = mongo.collection(MongoStore.POLICIES);
  }

  public Future<SlaPolicy> get() {
    return mongo.run(() -> {
      Document d = policies.find(new Document("_id", ID)).first();
      return d == null ? SlaPolicy.EMPTY : SlaPolicyDocs.fromDoc(d);
    });
  }

  /** Stores {@code decided} over the version read; {@link StaleWrite} when another admin saved first. */
  public Future<SlaPolicy> save(SlaPolicy decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      try {
        // As the approval policy: an upsert at the expected version creates the first one, and a
        // save over a version someone else moved on collides with the existing _id.
        var result = policies.updateOne(Versioned.at(ID, expectedVersion),
            Updates.combine(new Document("$set", SlaPolicyDocs.toDoc(decided)), Versioned.remember(changeId)),
            new UpdateOptions().upsert(true));
        if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
          throw new StaleWrite("SLA policy");
        }
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          throw new StaleWrite("SLA policy");
        }
        throw e;
      }
      return decided;
    });
  }
}
