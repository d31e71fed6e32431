package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.earshot.domain.broadcast.Pace;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * The notice pacing buckets ({@code notice_pacing}, one document per account: {@code tat}). A
 * bucket lives in MongoDB, not Redis, so it survives a restart of the hub and its embedded Redis
 * (a restarted fan-out must not burst again) and every instance shares it. Each admission is a
 * compare-and-set on the instant read; a lost race reads again.
 */
public final class PacingStore {
  private static final int DUPLICATE_KEY = 11000;
  private static final int ATTEMPTS = 8;
  private final MongoStore mongo;
  private final MongoCollection<Document> buckets;

  public PacingStore(MongoStore mongo) {
    this.mongo = mongo;
    this.buckets = mongo.collection(MongoStore.NOTICE_PACING);
  }

  /** Asks {@code account}'s bucket for one request at {@code now}; durable before it answers. */
  public Future<Pace.Admission> admit(String account, Pace pace, Instant now) {
    return mongo.write(() -> {
      for (int i = 0; i < ATTEMPTS; i++) {
        Document d = buckets.find(eq("_id", account)).first();
        Instant tat = d == null ? null : Dates.instant(d.get("tat"));
        Pace.Admission admission = pace.admit(tat, now);
        if (!admission.allowed() || store(account, d, admission.tat())) {
          return admission;
        }
      }
      // Contended beyond reason: ask again a spacing later rather than spin.
      return new Pace.Admission(false, null, now.plus(pace.spacing()));
    });
  }

  private boolean store(String account, Document before, Instant tat) {
    if (before == null) {
      try {
        buckets.insertOne(new Document("_id", account).append("tat", Dates.of(tat)));
        return true;
      } catch (MongoException e) {
        if (e.getCode() == DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    return buckets.updateOne(new Document("_id", account).append("tat", before.get("tat")),
        Updates.set("tat", Dates.of(tat))).getModifiedCount() == 1;
  }
}
