package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import io.earshot.domain.broadcast.ProblemFacts;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;

/**
 * Reads the {@code problems} collection, which the problems part writes (documents
 * {@code {_id, title, brand, status, publicSummary, caseIds}}), and the {@code problemId} a case
 * document carries once it is linked. Read only: broadcasts never change a Problem.
 */
public final class ProblemReads {
  private final MongoStore mongo;
  private final MongoCollection<Document> problems;
  private final MongoCollection<Document> cases;

  public ProblemReads(MongoStore mongo) {
    this.mongo = mongo;
    this.problems = mongo.collection("problems");
    this.cases = mongo.collection(MongoStore.CASES);
  }

  /** The problem, or null when there is none with that id. */
  public Future<ProblemFacts> get(String id) {
    return mongo.run(() -> {
      Document d = problems.find(eq("_id", id)).first();
      return d == null ? null : new ProblemFacts(d.getString("_id"), d.getString("title"), d.getString("brand"),
          d.getString("status"), d.getString("publicSummary"), d.getList("caseIds", String.class, List.of()));
    });
  }

  /** The problem case {@code caseId} is linked to (its {@code problemId}), or null. A keyed read. */
  public Future<String> problemOfCase(String caseId) {
    return mongo.run(() -> {
      Document d = cases.find(eq("_id", caseId)).projection(new Document("problemId", 1)).first();
      return d == null ? null : d.getString("problemId");
    });
  }
}
