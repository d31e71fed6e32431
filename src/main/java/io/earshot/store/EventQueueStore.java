package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventQueue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code event_queue} collection ({@link EventQueue}). It holds only changes in flight, so
 * scanning it is cheap even on the embedded server, which indexes nothing but {@code _id}.
 */
public final class EventQueueStore implements EventQueue {
  private final MongoStore mongo;
  private final MongoCollection<Document> queue;

  public EventQueueStore(MongoStore mongo) {
    this.mongo = mongo;
    this.queue = mongo.collection(MongoStore.EVENT_QUEUE);
  }

  /** Stages a change's events before the change of {@code collection/documentId} is written. */
  @Override
  public Future<Void> stage(String changeId, String collection, String documentId, List<EventEnvelope> events,
                            Instant now) {
    List<Document> docs = events.stream().map(e -> Document.parse(e.toJson().encode())).toList();
    return mongo.write(() -> queue.insertOne(new Document("_id", changeId).append("state", "staged")
        .append("collection", collection).append("documentId", documentId).append("events", docs)
        .append("done", List.of()).append("createdAt", Dates.of(now)).append("retryAt", Dates.of(now))
        .append("attempts", 0))).mapEmpty();
  }

  /** Forgets a change that was not made (its write failed or lost a race) or that every listener has. */
  @Override
  public Future<Void> park(String changeId, List<EventEnvelope> events, Collection<String> done, Instant retryAt) {
    List<Document> docs = events.stream().map(e -> Document.parse(e.toJson().encode())).toList();
    return mongo.write(() -> queue.replaceOne(eq("_id", changeId), new Document("state", "committed")
        .append("collection", "none").append("documentId", changeId).append("events", docs)
        .append("done", List.copyOf(done)).append("createdAt", Dates.of(retryAt)).append("retryAt", Dates.of(retryAt))
        .append("attempts", 0), new com.mongodb.client.model.ReplaceOptions().upsert(true))).mapEmpty();
  }

  @Override
  public Future<Void> remove(String changeId) {
    return mongo.write(() -> queue.deleteOne(eq("_id", changeId))).mapEmpty();
  }

  /** Some listeners failed: remember who has the events and when to try the others again. */
  @Override
  public Future<Void> defer(String changeId, Collection<String> done, Instant retryAt) {
    return mongo.write(() -> queue.updateOne(eq("_id", changeId), Updates.combine(
        Updates.set("state", "committed"), Updates.addEachToSet("done", List.copyOf(done)),
        Updates.set("retryAt", Dates.of(retryAt))))).mapEmpty();
  }

  /** Staged entries older than {@code before}: their writer died between staging and delivering. */
  @Override
  public Future<List<Entry>> stagedBefore(Instant before, int limit) {
    return mongo.run(() -> queue.find(and(eq("state", "staged"), lt("createdAt", Dates.of(before))))
        .limit(limit).map(EventQueueStore::entry).into(new ArrayList<>()));
  }

  /** Claims the next committed entry due for another delivery, until {@code leaseUntil}; null if none. */
  @Override
  public Future<Entry> claimDue(Instant now, Instant leaseUntil) {
    return mongo.write(() -> {
      Document d = queue.findOneAndUpdate(and(eq("state", "committed"), lte("retryAt", Dates.of(now))),
          Updates.combine(Updates.set("retryAt", Dates.of(leaseUntil)), Updates.inc("attempts", 1)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      return d == null ? null : entry(d);
    });
  }

  /** Whether the change was applied: its document remembers the change id. */
  @Override
  public Future<Boolean> applied(String collection, String documentId, String changeId) {
    return mongo.run(() -> {
      Document d = mongo.collection(collection).find(eq("_id", documentId))
          .projection(Projections.include("changeIds")).first();
      return d != null && d.getList("changeIds", String.class, List.of()).contains(changeId);
    });
  }

  private static Entry entry(Document d) {
    List<EventEnvelope> events = d.getList("events", Document.class, List.of()).stream()
        .map(e -> EventEnvelope.fromJson(new JsonObject(e.toJson()))).toList();
    return new Entry(d.getString("_id"), d.getString("collection"), d.getString("documentId"), events,
        Set.copyOf(d.getList("done", String.class, List.of())), "staged".equals(d.getString("state")),
        Dates.instant(d.get("createdAt")), d.getInteger("attempts", 0));
  }
}
