package io.earshot.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Triage;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.triage.Scorer;
import io.earshot.triage.ScoringInput;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a year of history straight into the system of record for {@code bench analytics}:
 * {@code mentions} in their stored shape (scored once per text template: the benchmark measures
 * the rollups, not triage), and {@code cases} with what the rollups read (brand, platform,
 * customer, open, first-response and resolution times). The rollups are then made by the rebuild,
 * which counts with the same code as the live listener.
 */
final class AnalyticsSeed {
  private static final String[] BRANDS = {"default", "acme", "globex"};
  /** The seed's brands besides the default one, as a {@code brands.json}. */
  static final String BRANDS_JSON = "{\"brands\": [{\"id\": \"acme\", \"name\": \"Acme\", \"handles\": {}},"
      + " {\"id\": \"globex\", \"name\": \"Globex\", \"handles\": {}}]}";
  private static final Platform[] PLATFORMS = {Platform.X, Platform.MASTODON, Platform.BLUESKY, Platform.SANDBOX};
  private static final String[] TEXTS = {
      "my internet has been down since this morning, any update?", "thanks, the support team was brilliant today!",
      "how do I change the plan on my account?", "I was charged twice for the same payment, please help",
      "my order never arrived and nobody answers, this is terrible", "love the new app, great work",
      "is the outage in my area fixed yet?", "the app crashes every time I log in"};
  private static final int CHUNK = 2_000;
  private static final int PROGRESS = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsSeed.class);
  private final MongoStore mongo;
  private final Triage[] triage;
  private final SplittableRandom random = new SplittableRandom(7);
  private final Instant end;

  AnalyticsSeed(MongoStore mongo, Scorer scorer, Instant end) {
    this.mongo = mongo;
    this.end = end;
    this.triage = new Triage[TEXTS.length];
    for (int i = 0; i < TEXTS.length; i++) {
      triage[i] = scorer.score(ScoringInput.ofText(TEXTS[i]));
    }
  }

  /** {@code mentions} over the year before {@code end}, one case per {@code mentions / cases} of them. */
  Future<Void> seed(int mentions, int cases) {
    int perCase = Math.max(1, mentions / cases);
    Future<Void> done = Future.succeededFuture();
    for (int start = 0; start < mentions; start += CHUNK) {
      int from = start;
      int to = Math.min(mentions, start + CHUNK);
      done = done.compose(v -> insert(from, to, perCase, cases));
    }
    return done;
  }

  /** One chunk: its mentions and its cases written side by side (two collections, two locks on the embedded server). */
  private Future<Void> insert(int from, int to, int perCase, int cases) {
    List<Document> mentionDocs = new ArrayList<>();
    List<Document> caseDocs = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int caseNo = Math.min(cases - 1, i / perCase);
      Instant at = end.minusSeconds(random.nextLong(365L * 86_400));
      String brand = BRANDS[caseNo % BRANDS.length];
      Platform platform = PLATFORMS[(caseNo / BRANDS.length) % PLATFORMS.length];
      int t = random.nextInt(TEXTS.length);
      Author author = new Author("u" + caseNo, "customer" + caseNo, "Customer " + caseNo, 100, false);
      Mention m = new Mention(Mention.idOf(platform, "bench-" + i), platform, null, brand, "bench-" + i, author, TEXTS[t], at,
          null, null, "en", java.util.Map.of(), at, "case-" + caseNo, triage[t]);
      mentionDocs.add(MentionStore.document(m));
      if (i % perCase == 0 && caseNo * perCase == i) {
        caseDocs.add(caseDoc(caseNo, brand, platform, at));
      }
    }
    if (to % PROGRESS < CHUNK) {
      LOG.info("bench analytics: {} mentions seeded", to);
    }
    return Future.all(insertMany(MongoStore.MENTIONS, mentionDocs), insertMany(MongoStore.CASES, caseDocs)).mapEmpty();
  }

  private Future<Void> insertMany(String collection, List<Document> docs) {
    return docs.isEmpty() ? Future.succeededFuture() : mongo.write(() -> {
      mongo.collection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
      return null;
    });
  }

  private Document caseDoc(int caseNo, String brand, Platform platform, Instant at) {
    Instant first = random.nextInt(10) < 8 ? at.plus(Duration.ofMinutes(5 + random.nextInt(600))) : null;
    Instant resolved = first != null && random.nextInt(10) < 7 ? first.plus(Duration.ofHours(1 + random.nextInt(72))) : null;
    return new Document("_id", "case-" + caseNo).append("platform", platform.code()).append("brand", brand)
        .append("customerId", platform.code() + ":u" + caseNo).append("status", resolved == null ? "open" : "resolved")
        .append("assignee", "agent" + (caseNo % 12)).append("createdAt", Date.from(at))
        .append("lastMentionAt", Date.from(at)).append("firstResponseAt", first == null ? null : Date.from(first))
        .append("resolvedAt", resolved == null ? null : Date.from(resolved)).append("mentionCount", 1).append("version", 1L);
  }
}
