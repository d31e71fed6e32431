package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.WebhookDelivery;
import io.earshot.domain.WebhookDeliveryState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The webhook outbox in two collections. {@code webhook_deliveries} is the delivery log and the
 * record of each delivery (body, state, attempts, outcome); its {@code _id} is derived from
 * endpoint and event id, so an event handed over again is a duplicate key, not a second delivery.
 * {@code webhook_due} holds only the deliveries still to send (id, endpoint, next attempt, claim).
 * Every read or write of the log on the delivery path is by {@code _id} alone: the embedded server
 * uses an index only for a query on exactly its keys, and the log grows without bound, while the
 * due set stays small enough to scan. So the claim and its checks live on the due entry: a claim
 * takes a due entry with a lease and a token, and only while the token still holds the entry is
 * the log written. Due entries go last, after the log: one left behind by a crash is claimed again
 * after its lease, and dropped unsent if its delivery is already finished.
 */
public final class WebhookDeliveryStore {
  private static final int DUPLICATE_KEY = 11000;
  /** Finished deliveries' leftover entries dropped in one claim at most; the rest wait for the next. */
  private static final int STRAYS_PER_CLAIM = 20;
  private static final List<String> CLAIMABLE = List.of(WebhookDeliveryState.PENDING.code(),
      WebhookDeliveryState.SENDING.code());
  private final MongoStore mongo;
  private final MongoCollection<Document> log;
  private final MongoCollection<Document> due;

  /** A delivery this instance claimed, and the token that proves it holds the claim. */
  public record Claimed(WebhookDelivery delivery, String token) {
  }

  public WebhookDeliveryStore(MongoStore mongo) {
    this.mongo = mongo;
    this.log = mongo.collection(MongoStore.WEBHOOK_DELIVERIES);
    this.due = mongo.collection(MongoStore.WEBHOOK_DUE);
  }

  /**
   * Writes the deliveries not written before, log first, then their due entries (all of them, so
   * one a crash left without its entry gets it now); answers how many were new.
   */
  public Future<Integer> insertNew(List<WebhookDelivery> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Document> records = batch.stream().map(WebhookDeliveryDocs::toDoc).toList();
    List<Document> entries = batch.stream().map(d -> dueEntry(d.id(), d.webhookId(), d.nextAttemptAt())).toList();
    return mongo.write(() -> {
      int created = records.size() - duplicates(log, records);
      duplicates(due, entries);
      return created;
    });
  }

  private static int duplicates(MongoCollection<Document> collection, List<Document> docs) {
    try {
      collection.insertMany(docs, new InsertManyOptions().ordered(false));
      return 0;
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
      return e.getWriteErrors().size();
    }
  }

  /**
   * Claims the delivery to one of {@code webhookIds} due longest, until {@code leaseUntil}; null when
   * none is due. A due entry whose delivery is no longer pending is dropped and the next one tried.
   */
  public Future<Claimed> claim(Collection<String> webhookIds, Instant now, Instant leaseUntil) {
    String token = UUID.randomUUID().toString();
    return mongo.write(() -> {
      for (int strays = 0; strays < STRAYS_PER_CLAIM; strays++) {
        Document entry = takeDue(webhookIds, now, leaseUntil, token);
        if (entry == null) {
          return null;
        }
        Document sending = startSending(entry.getString("_id"), leaseUntil);
        if (sending != null) {
          return new Claimed(WebhookDeliveryDocs.fromDoc(sending), token);
        }
        due.deleteOne(held(entry.getString("_id"), token));
      }
      return null;
    });
  }

  private Document takeDue(Collection<String> webhookIds, Instant now, Instant leaseUntil, String token) {
    return due.findOneAndUpdate(and(in("webhookId", webhookIds), lte("nextAttemptAt", Dates.of(now))),
        Updates.combine(Updates.set("nextAttemptAt", Dates.of(leaseUntil)), Updates.set("claim", token)),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
  }

  /** Moves the delivery to {@code sending} and counts the attempt; null when it is finished (or missing). */
  private Document startSending(String id, Instant leaseUntil) {
    Document record = log.find(eq("_id", id)).first();
    if (record == null || !CLAIMABLE.contains(record.getString("state"))) {
      return null;
    }
    return log.findOneAndUpdate(eq("_id", id), Updates.combine(
            Updates.set("state", WebhookDeliveryState.SENDING.code()),
            Updates.set("nextAttemptAt", Dates.of(leaseUntil)), Updates.inc("attempts", 1)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
  }

  /**
   * Records an attempt's outcome, only while {@code claimed} still holds its due entry; answers
   * whether it did. The claim's lease outlasts any attempt by seconds, so no other instance can
   * take the entry between the check and the write.
   */
  public Future<Boolean> record(Claimed claimed, WebhookDelivery after) {
    Bson fields = Updates.combine(Updates.set("state", after.state().code()),
        Updates.set("lastStatus", after.lastStatus()), Updates.set("lastError", after.lastError()),
        Updates.set("lastAttemptAt", Dates.of(after.lastAttemptAt())),
        Updates.set("nextAttemptAt", Dates.of(after.nextAttemptAt())),
        Updates.set("deliveredAt", Dates.of(after.deliveredAt())));
    Bson held = held(after.id(), claimed.token());
    return mongo.write(() -> {
      if (due.find(held).first() == null) {
        return false;
      }
      log.updateOne(eq("_id", after.id()), fields);
      if (after.state() == WebhookDeliveryState.PENDING) {
        due.updateOne(held, Updates.combine(Updates.set("nextAttemptAt", Dates.of(after.nextAttemptAt())),
            Updates.unset("claim")));
      } else {
        due.deleteOne(held);
      }
      return true;
    });
  }

  public Future<WebhookDelivery> get(String id) {
    return mongo.run(() -> {
      Document d = log.find(eq("_id", id)).first();
      return d == null ? null : WebhookDeliveryDocs.fromDoc(d);
    });
  }

  /** The endpoint's delivery log, newest first, without the bodies. */
  public Future<Page<WebhookDelivery>> ofWebhook(String webhookId, WebhookDeliveryState state, int limit) {
    Bson filter = state == null ? eq("webhookId", webhookId)
        : and(eq("webhookId", webhookId), eq("state", state.code()));
    return mongo.run(() -> new Page<>(log.find(filter).projection(Projections.exclude("body"))
        .sort(Sorts.descending("createdAt")).limit(limit).map(WebhookDeliveryDocs::fromDoc).into(new ArrayList<>()),
        log.countDocuments(filter)));
  }

  /**
   * Stores a replay as change {@code changeId}: due now (dropping any claim, so a send in flight
   * cannot record over it), then the log's new round.
   */
  public Future<WebhookDelivery> replay(WebhookDelivery after, String changeId) {
    Bson fields = Updates.combine(Updates.set("state", after.state().code()), Updates.set("attempts", 0),
        Updates.set("since", Dates.of(after.since())), Updates.set("nextAttemptAt", Dates.of(after.nextAttemptAt())),
        Updates.set("replays", after.replays()), Versioned.remember(changeId));
    return mongo.write(() -> {
      due.replaceOne(eq("_id", after.id()), dueEntry(after.id(), after.webhookId(), after.nextAttemptAt()),
          new ReplaceOptions().upsert(true));
      log.updateOne(eq("_id", after.id()), fields);
      return after;
    });
  }

  /** Gives up the endpoint's deliveries not yet delivered (its endpoint was deleted); answers how many. */
  public Future<Integer> failWaiting(String webhookId, String why, Instant at) {
    Bson failed = Updates.combine(Updates.set("state", WebhookDeliveryState.FAILED.code()),
        Updates.set("lastError", why), Updates.set("nextAttemptAt", null), Updates.set("lastAttemptAt", Dates.of(at)));
    return mongo.write(() -> {
      List<String> ids = due.find(eq("webhookId", webhookId)).map(d -> d.getString("_id")).into(new ArrayList<>());
      due.deleteMany(eq("webhookId", webhookId));
      ids.forEach(id -> log.updateOne(eq("_id", id), failed));
      return ids.size();
    });
  }

  private static Bson held(String id, String token) {
    return and(eq("_id", id), eq("claim", token));
  }

  private static Document dueEntry(String id, String webhookId, Instant at) {
    return new Document("_id", id).append("webhookId", webhookId).append("nextAttemptAt", Dates.of(at));
  }
}
