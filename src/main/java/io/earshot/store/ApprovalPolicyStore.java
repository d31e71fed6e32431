package io.earshot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.approval.ApprovalPolicy;
import io.vertx.core.Future;
import org.bson.Document;

/**
 * The approval policy, one versioned document ({@code policies/approval}). A hub that never
 * stored one reads the default policy at version 0; the first save writes version 1 over it.
 */
public final class ApprovalPolicyStore {
  private static final String ID = "approval";
  private final MongoStore mongo;
  private final MongoCollection<Document> policies;

  public ApprovalPolicyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.policies = mongo.collection(MongoStore.POLICIES);
  }

  public Future<ApprovalPolicy> get() {
    return mongo.run(() -> {
      Document d = policies.find(new Document("_id", ID)).first();
      return d == null ? ApprovalPolicyDocs.DEFAULT : ApprovalPolicyDocs.fromDoc(d);
    });
  }

  /** Stores {@code decided} over the version read; {@link StaleWrite} when another admin saved first. */
  public Future<ApprovalPolicy> save(ApprovalPolicy decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = ApprovalPolicyDocs.toDoc(decided);
      try {
        // Upsert at the expected version: the first save creates the document; a save over a
        // version someone else moved on finds no match and collides with the existing _id.
        var result = policies.updateOne(Versioned.at(ID, expectedVersion),
            Updates.combine(new Document("$set", fields), Versioned.remember(changeId)), new UpdateOptions().upsert(true));
        if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
          throw new StaleWrite("approval policy");
        }
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          throw new StaleWrite("approval policy");
        }
        throw e;
      }
      return decided;
    });
  }
}
