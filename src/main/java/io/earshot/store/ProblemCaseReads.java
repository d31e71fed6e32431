package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.model.Sorts;
import io.earshot.domain.CareCase;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads of {@code cases} the Problem side needs: a brand's cases opened within a span, for
 * suggestions (look-alikes of a Problem's cases) and for counting the contacts a fix stopped. A
 * real MongoDB answers from the {@code (brand, lastMentionAt)} index's prefix; the embedded one
 * scans.
 */
public final class ProblemCaseReads {
  private final MongoStore mongo;

  public ProblemCaseReads(MongoStore mongo) {
    this.mongo = mongo;
  }

  /** Cases of {@code brand} opened in {@code [from, to)}, newest first, at most {@code limit}. */
  public Future<List<CareCase>> openedBetween(String brand, Instant from, Instant to, int limit) {
    return mongo.run(() -> mongo.collection(MongoStore.CASES)
        .find(and(eq("brand", brand), gte("createdAt", Dates.of(from)), lt("createdAt", Dates.of(to))))
        .sort(Sorts.descending("createdAt")).limit(limit).map(CaseDocs::fromDoc).into(new ArrayList<>()));
  }
}
