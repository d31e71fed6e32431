package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
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
  private final MongoCollection<Document> brandPosts;

  public ReplyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.replies = mongo.collection(MongoStore.REPLIES);
    this.brandPosts = mongo.collection(MongoStore.BRAND_POSTS);
  }

  public Future<Reply> insert(Reply reply) {
    return mongo.write(() -> {
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

  /**
   * Case ids of the brand's own posts, by platform id (a customer may answer our reply). Read
   * from {@code brand_posts}, keyed by {@code platform:externalId}, so the hot path never scans.
   */
  public Future<Map<String, String>> caseIdsOfExternal(String platform, Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> keys = externalIds.stream().map(id -> platform + ":" + id).toList();
    return mongo.run(() -> {
      Map<String, String> found = new HashMap<>();
      brandPosts.find(in("_id", keys)).forEach(d -> found.put(d.getString("externalId"), d.getString("caseId")));
      return found;
    });
  }

  /** Claims the next reply due for sending, leasing it until {@code leaseUntil}; null if none. */
  public Future<Reply> claimDue(Instant now, Instant leaseUntil) {
    return mongo.write(() -> {
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

  /**
   * Records a confirmed publish; only a reply still in {@code sending} can become sent. The post
   * is indexed by its platform id first, so a customer's answer to it threads into the case.
   */
  public Future<Reply> markSent(Reply reply, String externalId, Instant at) {
    return mongo.write(() -> brandPosts.replaceOne(eq("_id", reply.platform().code() + ":" + externalId),
            new Document("externalId", externalId).append("caseId", reply.caseId()).append("replyId", reply.id()),
            new com.mongodb.client.model.ReplaceOptions().upsert(true)))
        .compose(v -> transition(reply.id(), ReplyState.SENDING, Updates.combine(
            Updates.set("state", ReplyState.SENT.code()), Updates.set("externalId", externalId),
            Updates.set("sentAt", Dates.of(at)), Updates.unset("lastError"))));
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
    return mongo.write(() -> {
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
    return mongo.write(() -> {
      Document d = replies.findOneAndUpdate(eq("_id", id),
          Updates.set("engagement", ReplyDocs.engagement(engagement)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }
}
