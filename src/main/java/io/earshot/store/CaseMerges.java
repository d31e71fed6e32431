package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;

/**
 * The part of merging two cases that {@link ThreadMoves} does not do: the brand's replies, the
 * team's notes and the replies waiting for a parent ({@code orphans}) of case {@code from} move
 * to case {@code to}, and {@code from} stops being snoozed
 * (it is about to be resolved as merged). One durable write, idempotent, so a merge cut short
 * is finished by asking again. Fails with the driver's error.
 */
public final class CaseMerges {
  private final MongoStore mongo;

  public CaseMerges(MongoStore mongo) {
    this.mongo = mongo;
  }

  public Future<Void> moveAttached(String from, String to) {
    return mongo.write(() -> {
      mongo.collection(MongoStore.REPLIES).updateMany(eq("caseId", from), Updates.set("caseId", to));
      mongo.collection(MongoStore.NOTES).updateMany(eq("caseId", from), Updates.set("caseId", to));
      // Replies waiting for a parent not yet stored would otherwise thread into the merged-away case.
      mongo.collection(MongoStore.ORPHANS).updateMany(eq("caseId", from), Updates.set("caseId", to));
      mongo.collection(MongoStore.CASES).updateOne(eq("_id", from), Updates.combine(Updates.unset("snoozedUntil"),
          Updates.inc("version", 1L)));
      return null;
    });
  }
}
