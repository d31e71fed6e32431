package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.earshot.domain.Engagement;
import io.earshot.domain.Reply;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code engagement_samples} collection: the time series of what each brand post (reply,
 * broadcast post or notice) earned, one document per measurement ({@code _id} = post id and
 * measurement time, so a measurement stored twice is one sample).
 */
public final class EngagementSamples {
  private final MongoStore mongo;
  private final MongoCollection<Document> samples;

  /** One measurement: when, at what age of the post, and the counts ({@code quotes}, {@code impressions}: null where not given). */
  public record Sample(Instant at, long ageSeconds, long likes, long reposts, long replies, Long quotes,
                       Long impressions) {
  }

  public EngagementSamples(MongoStore mongo) {
    this.mongo = mongo;
    this.samples = mongo.collection(MongoStore.ENGAGEMENT_SAMPLES);
  }

  public Future<Void> record(Reply post, Engagement measured) {
    Instant at = measured.measuredAt();
    long age = post.sentAt() == null ? 0 : Math.max(0, at.getEpochSecond() - post.sentAt().getEpochSecond());
    Document d = new Document("_id", post.id() + "|" + at.toEpochMilli()).append("postId", post.id())
        .append("caseId", post.caseId()).append("account", post.account()).append("platform", post.platform().code())
        .append("at", Dates.of(at)).append("ageSeconds", age).append("likes", measured.likes())
        .append("reposts", measured.reposts()).append("replies", measured.replies())
        .append("quotes", measured.quotes()).append("impressions", measured.impressions());
    return mongo.write(() -> samples.replaceOne(eq("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true)))
        .mapEmpty();
  }

  /** A post's samples, oldest first (a scan on the embedded server; an index on a real one). */
  public Future<List<Sample>> of(String postId) {
    return mongo.run(() -> samples.find(eq("postId", postId)).sort(Sorts.ascending("at"))
        .map(d -> new Sample(Dates.instant(d.get("at")), d.get("ageSeconds", Number.class).longValue(),
            d.get("likes", Number.class).longValue(), d.get("reposts", Number.class).longValue(),
            d.get("replies", Number.class).longValue(), optional(d, "quotes"), optional(d, "impressions")))
        .into(new ArrayList<>()));
  }

  private static Long optional(Document d, String key) {
    return d.get(key) instanceof Number n ? n.longValue() : null;
  }
}
