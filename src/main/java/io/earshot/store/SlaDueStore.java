package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * {@code sla_due}: one entry per case whose SLA clocks still have a warning or a due time to
 * tell, with when to look next. The watcher scans only this small set (the open cases with a
 * running target), never {@code cases}, which the embedded server could only scan whole. An
 * entry is written before its case's clock, so a crash between the two leaves an entry too
 * early (the watcher finds nothing to tell and moves it) rather than a clock nobody watches.
 */
public final class SlaDueStore {
  public static final String COLLECTION = "sla_due";
  private final MongoStore mongo;
  private final MongoCollection<Document> due;

  public SlaDueStore(MongoStore mongo) {
    this.mongo = mongo;
    this.due = mongo.collection(COLLECTION);
  }

  /** Looks at {@code caseId} again at {@code at}; null forgets it. */
  public Future<Void> schedule(String caseId, Instant at) {
    return mongo.write(() -> {
      if (at == null) {
        due.deleteOne(eq("_id", caseId));
      } else {
        due.replaceOne(eq("_id", caseId), new Document("_id", caseId).append("nextCheckAt", Dates.of(at)),
            new ReplaceOptions().upsert(true));
      }
      return null;
    });
  }

  /** The ids of cases due by {@code now}, earliest first. */
  public Future<List<String>> due(Instant now, int limit) {
    return mongo.run(() -> due.find(lte("nextCheckAt", Dates.of(now))).sort(Sorts.ascending("nextCheckAt"))
        .limit(limit).map(d -> d.getString("_id")).into(new ArrayList<>()));
  }
}
