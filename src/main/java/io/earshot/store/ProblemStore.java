package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.earshot.problem.Problem;
import io.earshot.problem.ProblemStatus;
import io.earshot.problem.Severity;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code problems} collection: one document per Problem, its linked case ids inside (a case's
 * own {@code problemId} is the truth about which Problem holds it; this list is kept in step).
 * Changes are stored only over the version they were decided on ({@link StaleWrite} otherwise).
 */
public final class ProblemStore {
  public static final String PROBLEMS = "problems";
  private final MongoStore mongo;
  private final MongoCollection<Document> problems;

  public ProblemStore(MongoStore mongo) {
    this.mongo = mongo;
    this.problems = mongo.collection(PROBLEMS);
  }

  public Future<Problem> insert(Problem p, String changeId) {
    return mongo.write(() -> {
      problems.insertOne(toDoc(p).append("changeIds", List.of(changeId)));
      return p;
    });
  }

  public Future<Problem> get(String id) {
    return mongo.run(() -> {
      Document d = problems.find(eq("_id", id)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** Problems newest first, of {@code brand} (null: any) and within {@code departments} (null: any). */
  public Future<List<Problem>> list(String brand, Collection<String> departments, int limit) {
    return mongo.run(() -> {
      List<Bson> parts = new ArrayList<>();
      if (brand != null) {
        parts.add(eq("brand", brand));
      }
      if (departments != null) {
        parts.add(in("department", departments));
      }
      Bson filter = parts.isEmpty() ? new Document() : parts.size() == 1 ? parts.get(0) : and(parts);
      return problems.find(filter).sort(Sorts.descending("createdAt")).limit(limit).map(ProblemStore::fromDoc)
          .into(new ArrayList<>());
    });
  }

  public Future<Problem> save(Problem decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document replacement = toDoc(decided);
      Document before = problems.find(eq("_id", decided.id())).first();
      List<String> changes = new ArrayList<>(before == null ? List.of()
          : before.getList("changeIds", String.class, List.of()));
      changes.add(changeId);
      replacement.append("changeIds", changes.subList(Math.max(0, changes.size() - 20), changes.size()));
      Document d = problems.findOneAndReplace(Versioned.at(decided.id(), expectedVersion), replacement,
          new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("problem " + decided.id());
      }
      return fromDoc(d);
    });
  }

  private static Document toDoc(Problem p) {
    return new Document("_id", p.id()).append("title", p.title()).append("brand", p.brand())
        .append("department", p.department()).append("status", p.status().code())
        .append("severity", p.severity().code()).append("publicSummary", p.publicSummary())
        .append("caseIds", p.caseIds()).append("reasons", p.reasons()).append("fromAlert", p.fromAlert())
        .append("createdBy", p.createdBy()).append("createdAt", Dates.of(p.createdAt()))
        .append("updatedAt", Dates.of(p.updatedAt())).append("resolvedAt", Dates.of(p.resolvedAt()))
        .append("version", p.version());
  }

  private static Problem fromDoc(Document d) {
    return new Problem(d.getString("_id"), d.getString("title"), d.getString("brand"), d.getString("department"),
        ProblemStatus.fromCode(d.getString("status"), "status"), Severity.fromCode(d.getString("severity"), "severity"),
        d.getString("publicSummary"), d.getList("caseIds", String.class, List.of()),
        d.getList("reasons", String.class, List.of()), d.getString("fromAlert"), d.getString("createdBy"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")), Dates.instant(d.get("resolvedAt")),
        CaseDocs.version(d));
  }
}
