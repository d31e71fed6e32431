package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Brand;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents of data written before brands existed, given their brand: cases and mentions get
 * {@code brand}, customers' {@code currentCaseId} becomes {@code currentCases} (brand → case).
 * Which brand a record gets is the caller's decision ({@code brandOf}); this class only reads and
 * writes, in pages, each page one durable write with keyed reads and writes inside (one scan
 * per collection finds the old documents). Every step is idempotent; {@link #markDone} records
 * that all of them finished, so later starts skip the scans.
 */
public final class BrandBackfill {
  /** What a stored record came through and says, to decide its brand from. */
  public record Origin(String account, Platform platform, String text) {
  }

  /** A customer's single current case, from before brands. */
  public record LegacyCustomer(String customerId, String caseId) {
  }

  private static final String MARKER = "migration.brands";
  private static final String LEGACY_CURRENT = "currentCaseId";
  private final MongoStore mongo;
  private final MongoCollection<Document> cases;
  private final MongoCollection<Document> mentions;
  private final MongoCollection<Document> customers;

  public BrandBackfill(MongoStore mongo) {
    this.mongo = mongo;
    this.cases = mongo.collection(MongoStore.CASES);
    this.mentions = mongo.collection(MongoStore.MENTIONS);
    this.customers = mongo.collection(MongoStore.CUSTOMERS);
  }

  public Future<Boolean> done() {
    return mongo.run(() -> mongo.collection(MongoStore.SETTINGS).find(eq("_id", MARKER)).first() != null);
  }

  public Future<Void> markDone(Instant at) {
    return mongo.write(() -> {
      mongo.collection(MongoStore.SETTINGS).updateOne(eq("_id", MARKER),
          Updates.set("value", at.toString()), new UpdateOptions().upsert(true));
      return null;
    });
  }

  /** Ids of the cases without a brand (one scan). */
  public Future<List<String>> casesWithoutBrand() {
    return mongo.run(() -> cases.find(exists("brand", false)).projection(Projections.include("_id"))
        .map(d -> d.getString("_id")).into(new ArrayList<>()));
  }

  /**
   * Gives these cases their brand, decided from their account and first text, and their mentions
   * theirs, decided from each mention's account and text; a mention that has one keeps it.
   */
  public Future<Void> brandCases(List<String> caseIds, Function<Origin, String> brandOf) {
    return mongo.write(() -> {
      List<UpdateOneModel<Document>> caseUpdates = new ArrayList<>();
      List<String> mentionIds = new ArrayList<>();
      for (Document c : cases.find(in("_id", caseIds)).projection(Projections.include("account", "platform", "subject",
          "mentionIds", "brand"))) {
        mentionIds.addAll(c.getList("mentionIds", String.class, List.of()));
        if (c.getString("brand") == null) {
          caseUpdates.add(brandUpdate(c.getString("_id"), brandOf.apply(origin(c, "subject"))));
        }
      }
      List<UpdateOneModel<Document>> mentionUpdates = new ArrayList<>();
      if (!mentionIds.isEmpty()) {
        for (Document m : mentions.find(in("_id", mentionIds)).projection(Projections.include("account", "platform",
            "text", "brand"))) {
          if (m.getString("brand") == null) {
            mentionUpdates.add(brandUpdate(m.getString("_id"), brandOf.apply(origin(m, "text"))));
          }
        }
      }
      bulk(cases, caseUpdates);
      bulk(mentions, mentionUpdates);
      return null;
    });
  }

  /**
   * Mentions and cases still without a brand (a mention no case lists, after a crash): the brand
   * of the account they came through when it names one, else the default brand.
   */
  public Future<Void> brandStrays(Map<String, String> accountBrands) {
    return mongo.write(() -> {
      for (MongoCollection<Document> collection : List.of(mentions, cases)) {
        accountBrands.forEach((account, brand) -> collection.updateMany(
            and(eq("account", account), exists("brand", false)), Updates.set("brand", brand)));
        collection.updateMany(exists("brand", false), Updates.set("brand", Brand.DEFAULT_ID));
      }
      return null;
    });
  }

  /** Customers that still have a single current case (one scan). */
  public Future<List<LegacyCustomer>> customersWithOneCurrentCase() {
    return mongo.run(() -> customers.find(exists(LEGACY_CURRENT, true)).projection(Projections.include(LEGACY_CURRENT))
        .map(d -> new LegacyCustomer(d.getString("_id"), d.getString(LEGACY_CURRENT))).into(new ArrayList<>()));
  }

  /** Each customer's current case becomes their current case with that case's brand. */
  public Future<Void> splitCurrentCases(List<LegacyCustomer> page) {
    return mongo.write(() -> {
      List<String> caseIds = page.stream().map(LegacyCustomer::caseId).filter(id -> id != null).toList();
      Map<String, String> brandOfCase = new HashMap<>();
      if (!caseIds.isEmpty()) {
        cases.find(in("_id", caseIds)).projection(Projections.include("brand"))
            .forEach(d -> brandOfCase.put(d.getString("_id"), MentionDocs.brandOf(d)));
      }
      List<UpdateOneModel<Document>> updates = new ArrayList<>();
      for (LegacyCustomer c : page) {
        String brand = brandOfCase.get(c.caseId());
        Bson forget = Updates.unset(LEGACY_CURRENT);
        Bson update = brand == null || !Brand.isValidId(brand) ? forget
            : Updates.combine(Updates.set(CustomerStore.CURRENT_CASES + "." + brand, c.caseId()), forget);
        updates.add(new UpdateOneModel<>(eq("_id", c.customerId()), update));
      }
      bulk(customers, updates);
      return null;
    });
  }

  private static Origin origin(Document d, String textField) {
    return new Origin(d.getString("account"), Platform.fromCode(d.getString("platform")).orElse(null),
        d.getString(textField));
  }

  private static UpdateOneModel<Document> brandUpdate(String id, String brand) {
    return new UpdateOneModel<>(eq("_id", id), Updates.set("brand", brand));
  }

  private static void bulk(MongoCollection<Document> collection, List<UpdateOneModel<Document>> updates) {
    if (!updates.isEmpty()) {
      collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }
  }
}
