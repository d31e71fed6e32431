package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.earshot.problem.detect.Fact;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code detection_facts} collection: what the spike detector needs of each mention (brand,
 * reasons, sentiment, phrases, case, its own time) plus {@code storedAt}, when the fact was
 * written, which the one evaluating instance reads forward from. Keyed by mention id, so a
 * redelivered event writes the same fact again and nothing more.
 */
public final class DetectionFactStore {
  public static final String FACTS = "detection_facts";
  private final MongoStore mongo;
  private final MongoCollection<Document> facts;

  /** Facts read forward, and the newest {@code storedAt} among them (null: none). */
  public record Batch(List<Fact> facts, Instant newestStored) {
  }

  public DetectionFactStore(MongoStore mongo) {
    this.mongo = mongo;
    this.facts = mongo.collection(FACTS);
  }

  /** On a real MongoDB the forward read and the alert's look-up use these; the embedded server scans. */
  public Future<Void> createIndexes() {
    return mongo.write(() -> {
      facts.createIndex(Indexes.ascending("storedAt"));
      facts.createIndex(Indexes.ascending("brand", "createdAt"));
      return null;
    });
  }

  public Future<Void> upsert(List<Fact> batch, Instant storedAt) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.write(() -> {
      List<ReplaceOneModel<Document>> models = batch.stream().map(f -> new ReplaceOneModel<>(eq("_id", f.mentionId()),
          toDoc(f).append("storedAt", Dates.of(storedAt)), new ReplaceOptions().upsert(true))).toList();
      facts.bulkWrite(models, new BulkWriteOptions().ordered(false));
      return null;
    });
  }

  /** Facts stored after {@code after} (null: all), with the newest {@code storedAt} among them. */
  public Future<Batch> forward(Instant after) {
    return mongo.run(() -> {
      Instant newest = after;
      List<Fact> found = new ArrayList<>();
      for (Document d : facts.find(after == null ? new Document() : gt("storedAt", Dates.of(after)))) {
        found.add(fromDoc(d));
        Instant stored = Dates.instant(d.get("storedAt"));
        newest = newest == null || stored.isAfter(newest) ? stored : newest;
      }
      return new Batch(found, newest);
    });
  }

  /** A brand's facts written since {@code from} (for the cases an alert proposes). */
  public Future<List<Fact>> ofBrandSince(String brand, Instant from) {
    return mongo.run(() -> facts.find(and(eq("brand", brand), gte("createdAt", Dates.of(from))))
        .map(DetectionFactStore::fromDoc).into(new ArrayList<>()));
  }

  private static Document toDoc(Fact f) {
    return new Document("_id", f.mentionId()).append("caseId", f.caseId()).append("brand", f.brand())
        .append("reasons", f.reasons()).append("sentiment", f.sentiment()).append("phrases", f.phrases())
        .append("createdAt", Dates.of(f.createdAt()));
  }

  private static Fact fromDoc(Document d) {
    return new Fact(d.getString("_id"), d.getString("caseId"), d.getString("brand"),
        d.getList("reasons", String.class, List.of()), d.get("sentiment", Number.class).doubleValue(),
        d.getList("phrases", String.class, List.of()), Dates.instant(d.get("createdAt")));
  }
}
