package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Author;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The {@code customers} collection: one identity per platform, upserted as mentions arrive. */
public final class CustomerStore {
  /** Brand id → the customer's current case with that brand. */
  static final String CURRENT_CASES = "currentCases";
  private final MongoStore mongo;
  private final MongoCollection<Document> customers;

  public CustomerStore(MongoStore mongo) {
    this.mongo = mongo;
    this.customers = mongo.collection(MongoStore.CUSTOMERS);
  }

  public Future<Map<String, Customer>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Customer> found = new HashMap<>();
      customers.find(in("_id", ids)).forEach(d -> found.put(d.getString("_id"), fromDoc(d)));
      return found;
    });
  }

  public Future<Customer> get(String id) {
    return mongo.run(() -> {
      Document d = customers.find(eq("_id", id)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /**
   * Upserts the latest known profile of each mention's author in one bulk write, pointing each
   * customer, per brand, at the case of their latest mention in a case of that brand
   * ({@code brandOfCase}: case id → the case's brand). One write per customer: an unordered bulk
   * write may apply its operations in any order.
   */
  public Future<Void> touch(List<Mention> mentions, Map<String, String> brandOfCase, Instant now) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.write(() -> {
      Map<String, List<Mention>> byCustomer = new LinkedHashMap<>();
      mentions.forEach(m -> byCustomer.computeIfAbsent(m.customerId(), k -> new ArrayList<>()).add(m));
      List<UpdateOneModel<Document>> models = byCustomer.values().stream()
          .map(ms -> new UpdateOneModel<Document>(eq("_id", ms.get(0).customerId()), update(ms, brandOfCase),
              new UpdateOptions().upsert(true)))
          .toList();
      customers.bulkWrite(models, new BulkWriteOptions().ordered(false));
      return null;
    });
  }

  private static Bson update(List<Mention> ofOneCustomer, Map<String, String> brandOfCase) {
    Mention latest = ofOneCustomer.get(0);
    Instant earliest = latest.createdAt();
    Map<String, Mention> latestByBrand = new LinkedHashMap<>();
    for (Mention m : ofOneCustomer) {
      latest = m.createdAt().isBefore(latest.createdAt()) ? latest : m;
      earliest = m.createdAt().isBefore(earliest) ? m.createdAt() : earliest;
      String brand = brandOfCase.getOrDefault(m.caseId(), m.brand());
      latestByBrand.merge(brand, m, (a, b) -> b.createdAt().isBefore(a.createdAt()) ? a : b);
    }
    Author a = latest.author();
    List<Bson> parts = new ArrayList<>(List.of(
        Updates.setOnInsert("platform", latest.platform().code()),
        Updates.setOnInsert("authorId", a.id()),
        Updates.min("firstSeen", Dates.of(earliest)),
        Updates.setOnInsert("tags", List.of()),
        Updates.set("handle", a.handle()),
        Updates.set("name", a.name()),
        Updates.set("followers", a.followers()),
        Updates.set("verified", a.verified()),
        // Last seen is their newest post, kept by $max: a batch of older posts never moves it back.
        Updates.max("lastSeen", Dates.of(latest.createdAt()))));
    // Brand ids are slugs (no dots, no $), so they are safe as field names.
    latestByBrand.forEach((brand, m) -> parts.add(Updates.set(CURRENT_CASES + "." + brand, m.caseId())));
    return Updates.combine(parts);
  }

  /** Adds {@code tag} to the customer's tags (e.g. {@code spam}); idempotent. */
  public Future<Void> addTag(String customerId, String tag) {
    return mongo.write(() -> customers.updateOne(eq("_id", customerId), Updates.addToSet("tags", tag))).mapEmpty();
  }

  static Customer fromDoc(Document d) {
    Object followers = d.get("followers");
    return new Customer(d.getString("_id"), Platform.fromCode(d.getString("platform")).orElseThrow(),
        d.getString("authorId"), d.getString("handle"), d.getString("name"),
        followers instanceof Number n ? n.longValue() : 0, d.getBoolean("verified", false),
        new HashSet<>(d.getList("tags", String.class, List.of())), Dates.instant(d.get("firstSeen")),
        Dates.instant(d.get("lastSeen")), currentCases(d));
  }

  private static Map<String, String> currentCases(Document d) {
    Document current = d.get(CURRENT_CASES, Document.class);
    Map<String, String> byBrand = new HashMap<>();
    if (current != null) {
      current.forEach((brand, caseId) -> {
        if (caseId instanceof String id) {
          byBrand.put(brand, id);
        }
      });
    }
    return byBrand;
  }
}
