package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code problem_timeline} collection: what happened to each Problem (opened, status changes,
 * edits, linked cases, notes, declined suggestions), one entry each, keyed by the event that told
 * it (so a redelivered event writes nothing new) or, for a note, by the note's id.
 */
public final class ProblemTimelineStore {
  public static final String TIMELINE = "problem_timeline";
  private final MongoStore mongo;
  private final MongoCollection<Document> entries;

  /** One line of a Problem's timeline; {@code caseIds} are the cases it concerns (linked, declined). */
  public record Entry(String id, String problemId, Instant at, String kind, String actor, String text,
                      List<String> caseIds) {
  }

  public ProblemTimelineStore(MongoStore mongo) {
    this.mongo = mongo;
    this.entries = mongo.collection(TIMELINE);
  }

  /** Writes the entry once: one that exists already (a redelivery) is left as it is. */
  public Future<Entry> insert(Entry e, String changeId) {
    return mongo.write(() -> {
      try {
        entries.insertOne(new Document("_id", e.id()).append("problemId", e.problemId()).append("at", Dates.of(e.at()))
            .append("kind", e.kind()).append("actor", e.actor()).append("text", e.text()).append("caseIds", e.caseIds())
            .append("changeIds", changeId == null ? List.of() : List.of(changeId)));
      } catch (MongoWriteException ex) {
        if (ErrorCategory.fromErrorCode(ex.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw ex;
        }
      }
      return e;
    });
  }

  /** A Problem's timeline, oldest first. */
  public Future<List<Entry>> of(String problemId) {
    return mongo.run(() -> entries.find(eq("problemId", problemId)).sort(Sorts.ascending("at"))
        .map(d -> new Entry(d.getString("_id"), d.getString("problemId"), Dates.instant(d.get("at")),
            d.getString("kind"), d.getString("actor"), d.getString("text"),
            d.getList("caseIds", String.class, List.of())))
        .into(new ArrayList<>()));
  }
}
