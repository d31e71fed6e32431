package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.earshot.problem.detect.DetectionPolicy;
import io.earshot.problem.detect.Thresholds;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The detection thresholds, one document {@code detection} in {@code policies}; absent, the
 * defaults ({@link DetectionPolicy#DEFAULT}). Replaced whole over the version read.
 */
public final class DetectionPolicyStore {
  private static final String ID = "detection";
  private final MongoStore mongo;
  private final MongoCollection<Document> policies;

  public DetectionPolicyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.policies = mongo.collection(MongoStore.POLICIES);
  }

  public Future<DetectionPolicy> get() {
    return mongo.run(() -> {
      Document d = policies.find(eq("_id", ID)).first();
      return d == null ? DetectionPolicy.DEFAULT : fromDoc(d);
    });
  }

  /** Stores {@code policy} (its version the one after {@code expectedVersion}); fails with {@link StaleWrite}. */
  public Future<DetectionPolicy> replace(DetectionPolicy policy, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document doc = toDoc(policy).append("changeIds", List.of(changeId));
      if (expectedVersion == 0) {
        if (policies.find(eq("_id", ID)).first() != null) {
          throw new StaleWrite("detection policy");
        }
        policies.replaceOne(eq("_id", ID), doc, new ReplaceOptions().upsert(true));
      } else if (policies.replaceOne(Versioned.at(ID, expectedVersion), doc).getMatchedCount() == 0) {
        throw new StaleWrite("detection policy");
      }
      return policy;
    });
  }

  private static Document toDoc(DetectionPolicy p) {
    Document brands = new Document();
    p.brands().forEach((b, t) -> brands.append(b, thresholds(t)));
    return new Document("_id", ID).append("defaults", thresholds(p.defaults())).append("brands", brands)
        .append("version", p.version());
  }

  private static Document thresholds(Thresholds t) {
    return new Document("windowMinutes", t.windowMinutes()).append("minCount", t.minCount()).append("ratio", t.ratio())
        .append("floor", t.floor()).append("persistSeconds", t.persistSeconds()).append("sentimentDrop", t.sentimentDrop());
  }

  private static DetectionPolicy fromDoc(Document d) {
    Map<String, Thresholds> brands = new HashMap<>();
    Document stored = d.get("brands", Document.class);
    if (stored != null) {
      stored.forEach((b, t) -> brands.put(b, thresholds((Document) t)));
    }
    return new DetectionPolicy(thresholds(d.get("defaults", Document.class)), brands, CaseDocs.version(d));
  }

  private static Thresholds thresholds(Document t) {
    return new Thresholds(t.getInteger("windowMinutes"), t.getInteger("minCount"),
        t.get("ratio", Number.class).doubleValue(), t.get("floor", Number.class).doubleValue(),
        t.getInteger("persistSeconds"), t.get("sentimentDrop", Number.class).doubleValue());
  }
}
