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
 * The {@code webhook_deliveries} collection: the webhook outbox and its delivery log. A delivery's
 * {@code _id} is derived from endpoint and event id, so an event handed over again is a duplicate
 * key, not a second delivery. A deliverer claims one with a single find-and-update that moves it to
 * {@code sending} until a lease ends and tags it with a claim token; only the holder of that token
 * records the outcome, and a claim that outlives its holder is claimed again after the lease.
 * On the embedded server the claim scans the collection (only {@code _id} is indexed there).
 */
public final class WebhookDeliveryStore {
  private static final int DUPLICATE_KEY = 11000;
  private static final List<String> CLAIMABLE = List.of(WebhookDeliveryState.PENDING.code(),
      WebhookDeliveryState.SENDING.code());
  private final MongoStore mongo;
  private final MongoCollection<Document> deliveries;

  /** A delivery this instance claimed, and the token that proves it holds the claim. */
  public record Claimed(WebhookDelivery delivery, String token) {
  }

  public WebhookDeliveryStore(MongoStore mongo) {
    this.mongo = mongo;
    this.deliveries = mongo.collection(MongoStore.WEBHOOK_DELIVERIES);
  }

  /** Writes the deliveries not written before; answers how many were new. */
  public Future<Integer> insertNew(List<WebhookDelivery> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Document> docs = batch.stream().map(WebhookDeliveryStore::toDoc).toList();
    return mongo.write(() -> {
      try {
        deliveries.insertMany(docs, new InsertManyOptions().ordered(false));
        return docs.size();
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
          throw e;
        }
        return docs.size() - e.getWriteErrors().size();
      }
    });
  }

  /** Claims the delivery to one of {@code webhookIds} due longest, until {@code leaseUntil}; null if none. */
  public Future<Claimed> claim(Collection<String> webhookIds, Instant now, Instant leaseUntil) {
    String token = UUID.randomUUID().toString();
    Bson due = and(in("webhookId", webhookIds), in("state", CLAIMABLE), lte("nextAttemptAt", Dates.of(now)));
    Bson claim = Updates.combine(Updates.set("state", WebhookDeliveryState.SENDING.code()),
        Updates.set("nextAttemptAt", Dates.of(leaseUntil)), Updates.set("claim", token), Updates.inc("attempts", 1));
    return mongo.write(() -> {
      Document d = deliveries.findOneAndUpdate(due, claim, new FindOneAndUpdateOptions()
          .sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
      return d == null ? null : new Claimed(fromDoc(d), token);
    });
  }

  /** Records an attempt's outcome, only while {@code claimed} still holds the claim; answers whether it did. */
  public Future<Boolean> record(Claimed claimed, WebhookDelivery after) {
    Bson fields = Updates.combine(Updates.set("state", after.state().code()),
        Updates.set("lastStatus", after.lastStatus()), Updates.set("lastError", after.lastError()),
        Updates.set("lastAttemptAt", Dates.of(after.lastAttemptAt())),
        Updates.set("nextAttemptAt", Dates.of(after.nextAttemptAt())),
        Updates.set("deliveredAt", Dates.of(after.deliveredAt())), Updates.unset("claim"));
    return mongo.write(() -> deliveries.updateOne(and(eq("_id", after.id()), eq("claim", claimed.token())), fields)
        .getModifiedCount() == 1);
  }

  public Future<WebhookDelivery> get(String id) {
    return mongo.run(() -> {
      Document d = deliveries.find(eq("_id", id)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** The endpoint's delivery log, newest first, without the bodies. */
  public Future<Page<WebhookDelivery>> ofWebhook(String webhookId, WebhookDeliveryState state, int limit) {
    Bson filter = state == null ? eq("webhookId", webhookId)
        : and(eq("webhookId", webhookId), eq("state", state.code()));
    return mongo.run(() -> new Page<>(deliveries.find(filter).projection(Projections.exclude("body"))
        .sort(Sorts.descending("createdAt")).limit(limit).map(WebhookDeliveryStore::fromDoc).into(new ArrayList<>()),
        deliveries.countDocuments(filter)));
  }

  /**
   * Stores a replay decided on {@code before} as change {@code changeId}; fails with
   * {@link StaleWrite} when the delivery moved meanwhile (a deliverer claimed it).
   */
  public Future<WebhookDelivery> replay(WebhookDelivery before, WebhookDelivery after, String changeId) {
    Bson unchanged = and(eq("_id", before.id()), eq("state", before.state().code()),
        eq("attempts", before.attempts()));
    Bson fields = Updates.combine(Updates.set("state", after.state().code()), Updates.set("attempts", 0),
        Updates.set("since", Dates.of(after.since())), Updates.set("nextAttemptAt", Dates.of(after.nextAttemptAt())),
        Updates.set("replays", after.replays()), Updates.unset("claim"), Versioned.remember(changeId));
    return mongo.write(() -> {
      if (deliveries.updateOne(unchanged, fields).getModifiedCount() != 1) {
        throw new StaleWrite("delivery " + before.id());
      }
      return after;
    });
  }

  /** Gives up the endpoint's deliveries still waiting (its endpoint was deleted). */
  public Future<Long> failWaiting(String webhookId, String why, Instant at) {
    return mongo.write(() -> deliveries.updateMany(and(eq("webhookId", webhookId),
            eq("state", WebhookDeliveryState.PENDING.code())),
        Updates.combine(Updates.set("state", WebhookDeliveryState.FAILED.code()), Updates.set("lastError", why),
            Updates.set("nextAttemptAt", null), Updates.set("lastAttemptAt", Dates.of(at)))).getModifiedCount());
  }

  private static Document toDoc(WebhookDelivery d) {
    return new Document("_id", d.id()).append("webhookId", d.webhookId()).append("eventId", d.eventId())
        .append("type", d.type()).append("body", d.body()).append("state", d.state().code())
        .append("attempts", d.attempts()).append("lastStatus", d.lastStatus()).append("lastError", d.lastError())
        .append("createdAt", Dates.of(d.createdAt())).append("since", Dates.of(d.since()))
        .append("nextAttemptAt", Dates.of(d.nextAttemptAt())).append("lastAttemptAt", Dates.of(d.lastAttemptAt()))
        .append("deliveredAt", Dates.of(d.deliveredAt())).append("replays", d.replays());
  }

  private static WebhookDelivery fromDoc(Document d) {
    return new WebhookDelivery(d.getString("_id"), d.getString("webhookId"), d.getString("eventId"),
        d.getString("type"), d.getString("body"), WebhookDeliveryState.fromCode(d.getString("state")),
        d.getInteger("attempts", 0), d.getInteger("lastStatus"), d.getString("lastError"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("since")), Dates.instant(d.get("nextAttemptAt")),
        Dates.instant(d.get("lastAttemptAt")), Dates.instant(d.get("deliveredAt")), d.getInteger("replays", 0));
  }
}
