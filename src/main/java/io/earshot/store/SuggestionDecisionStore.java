package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code problem_suggestions} collection: each decision someone made about a suggested case
 * ({@code problemId|caseId}: {@code decision} accept or decline, by whom, when). A declined case
 * is no longer suggested for that Problem; nothing else is learned from it.
 */
public final class SuggestionDecisionStore {
  public static final String DECISIONS = "problem_suggestions";
  private final MongoStore mongo;
  private final MongoCollection<Document> decisions;

  public SuggestionDecisionStore(MongoStore mongo) {
    this.mongo = mongo;
    this.decisions = mongo.collection(DECISIONS);
  }

  public static String id(String problemId, String caseId) {
    return problemId + "|" + caseId;
  }

  public Future<Void> record(String problemId, String caseId, String decision, String by, Instant at, String changeId) {
    return mongo.write(() -> {
      decisions.replaceOne(eq("_id", id(problemId, caseId)), new Document("_id", id(problemId, caseId))
          .append("problemId", problemId).append("caseId", caseId).append("decision", decision).append("by", by)
          .append("at", Dates.of(at)).append("changeIds", List.of(changeId)), new ReplaceOptions().upsert(true));
      return null;
    });
  }

  /** The cases declined for {@code problemId}. */
  public Future<Set<String>> declined(String problemId) {
    return mongo.run(() -> {
      Set<String> ids = new HashSet<>();
      decisions.find(eq("problemId", problemId)).forEach(d -> {
        if ("decline".equals(d.getString("decision"))) {
          ids.add(d.getString("caseId"));
        }
      });
      return ids;
    });
  }
}
