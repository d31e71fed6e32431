package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.problem.Alert;
import io.earshot.problem.Severity;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code alerts} collection. An alert's id is derived from what it is about and when the
 * excess began, so the same spike judged again (by another instance taking over the detector, or
 * a catch-up re-delivering its mentions) is the same alert: {@link #insertNew} answers false.
 */
public final class AlertStore {
  public static final String ALERTS = "alerts";
  private final MongoStore mongo;
  private final MongoCollection<Document> alerts;

  public AlertStore(MongoStore mongo) {
    this.mongo = mongo;
    this.alerts = mongo.collection(ALERTS);
  }

  /** True when the alert was new and is now stored (as change {@code changeId}). */
  public Future<Boolean> insertNew(Alert a, String changeId) {
    return mongo.write(() -> {
      try {
        alerts.insertOne(toDoc(a).append("changeIds", List.of(changeId)));
        return true;
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    });
  }

  public Future<Boolean> exists(String id) {
    return mongo.run(() -> alerts.find(eq("_id", id)).first() != null);
  }

  public Future<Alert> get(String id) {
    return mongo.run(() -> {
      Document d = alerts.find(eq("_id", id)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  public Future<List<Alert>> recent(int limit) {
    return mongo.run(() -> alerts.find().sort(Sorts.descending("raisedAt")).limit(limit).map(AlertStore::fromDoc)
        .into(new ArrayList<>()));
  }

  /** Records the Problem made from the alert. */
  public Future<Void> markProblem(String id, String problemId) {
    return mongo.write(() -> {
      alerts.updateOne(eq("_id", id), Updates.set("problemId", problemId));
      return null;
    });
  }

  private static Document toDoc(Alert a) {
    return new Document("_id", a.id()).append("kind", a.kind()).append("brand", a.brand()).append("reason", a.reason())
        .append("phrase", a.phrase()).append("startedAt", Dates.of(a.startedAt()))
        .append("raisedAt", Dates.of(a.raisedAt())).append("observed", a.observed()).append("expected", a.expected())
        .append("severity", a.severity().code()).append("sampleMentionIds", a.sampleMentionIds())
        .append("proposedCaseIds", a.proposedCaseIds()).append("problemId", a.problemId());
  }

  private static Alert fromDoc(Document d) {
    return new Alert(d.getString("_id"), d.getString("kind"), d.getString("brand"), d.getString("reason"),
        d.getString("phrase"), Dates.instant(d.get("startedAt")), Dates.instant(d.get("raisedAt")),
        d.get("observed", Number.class).doubleValue(), d.get("expected", Number.class).doubleValue(),
        Severity.fromCode(d.getString("severity"), "severity"), d.getList("sampleMentionIds", String.class, List.of()),
        d.getList("proposedCaseIds", String.class, List.of()), d.getString("problemId"));
  }
}
