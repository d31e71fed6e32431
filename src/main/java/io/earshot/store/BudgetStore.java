package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Budget counters shared by every instance, one document per account and period
 * ({@code <account>|requests|<window start>}, {@code <account>|usd|<yyyy-MM>}) holding {@code used}.
 * A reservation is one conditional upsert: it adds only while the sum stays within the cap, and
 * a counter already past it makes the upsert collide with its own {@code _id} (duplicate key),
 * which reads as "refused". So concurrent spenders on several instances never pass a cap,
 * without transactions, on the embedded server and a replica set alike.
 */
public final class BudgetStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> budgets;

  public BudgetStore(MongoStore mongo) {
    this.mongo = mongo;
    this.budgets = mongo.collection(MongoStore.BUDGETS);
  }

  /** Adds {@code amount} unless that passes {@code cap}; the new total, or -1 when refused. */
  public Future<Long> reserve(String id, String account, long amount, long cap) {
    if (amount > cap) {
      return Future.succeededFuture(-1L);
    }
    Bson filter = cap == Long.MAX_VALUE ? eq("_id", id) : and(eq("_id", id), lte("used", cap - amount));
    return mongo.write(() -> {
      try {
        Document after = budgets.findOneAndUpdate(filter,
            Updates.combine(Updates.inc("used", amount), Updates.setOnInsert("account", account)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return used(after);
      } catch (MongoException e) {
        if (e.getCode() == DUPLICATE_KEY) {
          return -1L;
        }
        throw e;
      }
    });
  }

  /** Gives back what a reservation did not use; the new total. */
  public Future<Long> refund(String id, long amount) {
    if (amount == 0) {
      return used(id);
    }
    return mongo.write(() -> used(budgets.findOneAndUpdate(eq("_id", id), Updates.inc("used", -amount),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
  }

  public Future<Long> used(String id) {
    return mongo.run(() -> used(budgets.find(eq("_id", id)).first()));
  }

  /**
   * Records that warning {@code level} (1 = warning, 2 = exhausted) was told for this counter;
   * true only for the one caller that raised it, so every instance does not warn again.
   */
  public Future<Boolean> claimWarning(String id, int level) {
    return mongo.write(() -> budgets.findOneAndUpdate(
        and(eq("_id", id), or(exists("warned", false), lt("warned", level))),
        Updates.set("warned", level)) != null);
  }

  private static long used(Document d) {
    return d == null || d.get("used") == null ? 0 : ((Number) d.get("used")).longValue();
  }
}
