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
import io.earshot.domain.ReplyLifecycle;
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

  /** Writes a new reply (the outbox row) as change {@code changeId}. */
  public Future<Reply> insert(Reply reply, String changeId) {
    return mongo.write(() -> {
      replies.insertOne(ReplyDocs.toDoc(reply).append("changeIds", List.of(changeId)));
      return reply;
    });
  }

  public Future<Reply> get(String id) {
    return mongo.run(() -> {
      Document d = replies.find(eq("_id", id)).first();
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }

  /** The replies with these ids (missing ones are left out). */
  public Future<List<Reply>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return mongo.run(() -> replies.find(in("_id", ids)).map(ReplyDocs::fromDoc).into(new ArrayList<>()));
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
      // A broadcast's public post has no case: an answer to it joins its author's own case instead.
      brandPosts.find(in("_id", keys)).filter(com.mongodb.client.model.Filters.ne("caseId", null))
          .forEach(d -> found.put(d.getString("externalId"), d.getString("caseId")));
      return found;
    });
  }

  /** Replies waiting for approval, longest waiting first (a hub holds tens, not thousands). */
  public Future<List<Reply>> pendingApproval(int limit) {
    return mongo.run(() -> replies.find(eq("state", ReplyState.PENDING_APPROVAL.code()))
        .sort(Sorts.ascending("createdAt")).limit(limit).map(ReplyDocs::fromDoc).into(new ArrayList<>()));
  }

  /** The reply due for sending next (the publisher claims it through its lifecycle); null if none. */
  public Future<Reply> nextDue(Instant now) {
    return mongo.run(() -> {
      Document d = replies.find(and(in("state", ReplyLifecycle.CLAIMABLE.stream().map(ReplyState::code).toList()),
              lte("nextAttemptAt", Dates.of(now))))
          .sort(Sorts.ascending("nextAttemptAt")).first();
      return d == null ? null : ReplyDocs.fromDoc(d);
    });
  }

  /**
   * Stores what the reply lifecycle decided about a reply read at {@code expectedVersion}; answers
   * the stored reply, or fails with {@link StaleWrite} when another writer (a second publisher, an
   * approver) changed it first.
   */
  public Future<Reply> save(Reply decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = ReplyDocs.toDoc(decided);
      fields.remove("_id");
      Document d = replies.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion),
          Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("reply " + decided.id());
      }
      return ReplyDocs.fromDoc(d);
    });
  }

  /**
   * Indexes a published reply by its platform id, so a customer's answer to it threads into the
   * case. Written before the reply is recorded as sent: a crash between the two re-sends with the
   * same idempotency key and writes the same index entry again.
   */
  public Future<Void> indexBrandPost(Reply reply, String externalId) {
    return mongo.write(() -> brandPosts.replaceOne(eq("_id", reply.platform().code() + ":" + externalId),
        new Document("externalId", externalId).append("caseId", reply.caseId()).append("replyId", reply.id()),
        new com.mongodb.client.model.ReplaceOptions().upsert(true))).mapEmpty();
  }

  /** Sent replies whose engagement is due for a refresh, oldest measurement first. */
  public Future<List<Reply>> sentSince(Instant since, int limit) {
    return mongo.run(() -> replies.find(and(eq("state", ReplyState.SENT.code()),
            com.mongodb.client.model.Filters.gte("sentAt", Dates.of(since))))
        .sort(Sorts.ascending("engagement.measuredAt")).limit(limit)
        .map(ReplyDocs::fromDoc).into(new ArrayList<>()));
  }
}
