package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Engagement;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code replies} collection is the outbox. A publisher claims a reply with one atomic
 * find-and-update that moves it to {@code sending} and leases it until a deadline; a claim that
 * outlives its holder (a crash between sending and recording) is claimed again after the lease,
 * and re-sent with the same idempotency key.
 */
public final class ReplyStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> replies;

  public ReplyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.replies = mongo.collection(MongoStore.REPLIES);
  }

  public Future<Reply> insert(Reply reply) {
    return mongo.run(() -> {
      replies.insertOne(ReplyDocs.toDoc(reply));
      return reply;
    });
  }

  public Future<Reply> get(String id) {
    return mongo.run(() -> {
      Document d = replies.find(eq("_id", id)).first();
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }

  public Future<List<Reply>> ofCase(String caseId) {
    return mongo.run(() -> replies.find(eq("caseId", caseId)).sort(Sorts.ascending("createdAt"))
        .map(ReplyDocs::fromDoc).into(new ArrayList<>()));
  }

  /** Case ids of the brand's own posts, by platform id (a customer may answer our reply). */
  public Future<Map<String, String>> caseIdsOfExternal(String platform, Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, String> found = new HashMap<>();
      replies.find(and(eq("platform", platform), in("externalId", externalIds)))
          .projection(Projections.include("externalId", "caseId"))
          .forEach(d -> found.put(d.getString("externalId"), d.getString("caseId")));
      return found;
    });
  }

  /** Claims the next reply due for sending, leasing it until {@code leaseUntil}; null if none. */
  public Future<Reply> claimDue(Instant now, Instant leaseUntil) {
    return mongo.run(() -> {
      Document d = replies.findOneAndUpdate(
          and(in("state", List.of(ReplyState.QUEUED.code(), ReplyState.SENDING.code())),
              lte("nextAttemptAt", Dates.of(now))),
          Updates.combine(Updates.set("state", ReplyState.SENDING.code()),
              Updates.set("nextAttemptAt", Dates.of(leaseUntil)), Updates.inc("attempts", 1)),
          new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
              .returnDocument(ReturnDocument.AFTER));
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }

  /** Records a confirmed publish; only a reply still in {@code sending} can become sent. */
  public Future<Reply> markSent(String id, String externalId, Instant at) {
    return transition(id, ReplyState.SENDING, Updates.combine(
        Updates.set("state", ReplyState.SENT.code()), Updates.set("externalId", externalId),
        Updates.set("sentAt", Dates.of(at)), Updates.unset("lastError")));
  }

  /** Schedules another attempt after a transient failure. */
  public Future<Reply> retryAt(String id, Instant at, String error) {
    return transition(id, ReplyState.SENDING, Updates.combine(
        Updates.set("state", ReplyState.QUEUED.code()), Updates.set("nextAttemptAt", Dates.of(at)),
        Updates.set("lastError", error)));
  }

  public Future<Reply> markFailed(String id, String error) {
    return transition(id, ReplyState.SENDING, Updates.combine(
        Updates.set("state", ReplyState.FAILED.code()), Updates.set("lastError", error)));
  }

  private Future<Reply> transition(String id, ReplyState from, org.bson.conversions.Bson update) {
    return mongo.run(() -> {
      Document d = replies.findOneAndUpdate(and(eq("_id", id), eq("state", from.code())), update,
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }

  /** Sent replies whose engagement is due for a refresh, oldest measurement first. */
  public Future<List<Reply>> sentSince(Instant since, int limit) {
    return mongo.run(() -> replies.find(and(eq("state", ReplyState.SENT.code()),
            com.mongodb.client.model.Filters.gte("sentAt", Dates.of(since))))
        .sort(Sorts.ascending("engagement.measuredAt")).limit(limit)
        .map(ReplyDocs::fromDoc).into(new ArrayList<>()));
  }

  public Future<Reply> setEngagement(String id, Engagement engagement) {
    return mongo.run(() -> {
      Document d = replies.findOneAndUpdate(eq("_id", id),
          Updates.set("engagement", ReplyDocs.engagement(engagement)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }
}
