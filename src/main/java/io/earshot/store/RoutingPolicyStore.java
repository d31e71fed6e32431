package io.earshot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.routing.BrandRouting;
import io.earshot.domain.routing.RoutingMode;
import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.domain.routing.SkillKind;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The routing (auto-assignment) policy, one versioned document ({@code policies/routing}). A hub
 * that never stored one reads "no brand routed" at version 0.
 */
public final class RoutingPolicyStore {
  private static final String ID = "routing";
  private final MongoStore mongo;
  private final MongoCollection<Document> policies;

  public RoutingPolicyStore(MongoStore mongo) {
    this.mongo = mongo;
    this.policies = mongo.collection(MongoStore.POLICIES);
  }

  public Future<RoutingPolicy> get() {
    return mongo.run(() -> {
      Document d = policies.find(new Document("_id", ID)).first();
      return d == null ? RoutingPolicy.none() : read(d);
    });
  }

  /** Stores {@code decided} over the version read; {@link StaleWrite} when another admin saved first. */
  public Future<RoutingPolicy> save(RoutingPolicy decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = new Document("brands", brands(decided.brands())).append("version", decided.version())
          .append("updatedAt", Dates.of(decided.updatedAt())).append("updatedBy", decided.updatedBy());
      try {
        // As the approval policy: an upsert at the expected version creates the first document,
        // and one over a version someone else moved on collides with the existing _id.
        var result = policies.updateOne(Versioned.at(ID, expectedVersion),
            Updates.combine(new Document("$set", fields), Versioned.remember(changeId)), new UpdateOptions().upsert(true));
        if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
          throw new StaleWrite("routing policy");
        }
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          throw new StaleWrite("routing policy");
        }
        throw e;
      }
      return decided;
    });
  }

  private static Document brands(Map<String, BrandRouting> brands) {
    Document all = new Document();
    brands.forEach((brand, rule) -> all.append(brand, new Document("mode", rule.mode().code())
        .append("match", rule.match().stream().map(SkillKind::code).sorted().toList())
        .append("reassignAfterMinutes", rule.reassignAfterMinutes())));
    return all;
  }

  private static RoutingPolicy read(Document d) {
    Map<String, BrandRouting> brands = new HashMap<>();
    Document all = d.get("brands", Document.class);
    if (all != null) {
      all.forEach((brand, value) -> brands.put(brand, rule((Document) value)));
    }
    return new RoutingPolicy(brands, CaseDocs.version(d), Dates.instant(d.get("updatedAt")), d.getString("updatedBy"));
  }

  private static BrandRouting rule(Document d) {
    EnumSet<SkillKind> match = EnumSet.noneOf(SkillKind.class);
    d.getList("match", String.class, List.of()).forEach(k -> SkillKind.fromCode(k).ifPresent(match::add));
    // A mode written by a newer version routes nothing here rather than guessing.
    return new BrandRouting(RoutingMode.fromCode(d.getString("mode")).orElse(RoutingMode.OFF), match,
        d.getInteger("reassignAfterMinutes"));
  }
}
