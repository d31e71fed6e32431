package io.earshot.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.earshot.domain.Mention;
import io.earshot.ingest.IngestPipeline;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.triage.Scorer;
import io.earshot.triage.ScoringInput;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Accepted-to-persisted throughput of the full pipeline (durable: what it answers is committed),
 * and two baselines for the same documents on the same store, measured back to back so ratios
 * compare like with like on a noisy machine: the raw driver {@code insertMany} alone (on the
 * embedded store it stays in memory until some later commit), and the same {@code insertMany}
 * made durable like any acknowledged write (one group commit after each).
 */
final class ThroughputRun {
  private static final int OFFER_SIZE = 500;
  private static final int IN_FLIGHT = 4;
  private final IngestPipeline pipeline;
  private final MongoStore mongo;
  private final Scorer scorer;

  ThroughputRun(IngestPipeline pipeline, MongoStore mongo, Scorer scorer) {
    this.pipeline = pipeline;
    this.mongo = mongo;
    this.scorer = scorer;
  }

  /** Offers the mentions in chunks, a few chunks in flight; answers mentions per second. */
  Future<Double> pipeline(List<Mention> mentions) {
    long start = System.nanoTime();
    List<List<Mention>> chunks = chunks(mentions, OFFER_SIZE);
    return offerFrom(chunks, 0).map(v -> mentions.size() / seconds(start));
  }

  private Future<Void> offerFrom(List<List<Mention>> chunks, int index) {
    if (index >= chunks.size()) {
      return Future.succeededFuture();
    }
    int end = Math.min(chunks.size(), index + IN_FLIGHT);
    List<Future<?>> wave = new ArrayList<>();
    for (int i = index; i < end; i++) {
      wave.add(pipeline.offer(chunks.get(i)));
    }
    return Future.all(wave).compose(v -> offerFrom(chunks, end));
  }

  /** Inserts comparable (scored, threaded-shape) documents with the raw driver, no commit; mentions/s. */
  Future<Double> rawInsert(List<Mention> mentions, String collection) {
    List<Document> docs = documents(mentions);
    MongoCollection<Document> target = mongo.collection(collection);
    // Not durable on its own: the baseline of what the driver and the store cost without a commit.
    return mongo.run(() -> {
      index(target);
      long start = System.nanoTime();
      for (List<Document> chunk : chunks(docs, OFFER_SIZE)) {
        target.insertMany(chunk, new InsertManyOptions().ordered(false));
      }
      return docs.size() / seconds(start);
    });
  }

  /** The same raw inserts, each made durable before the next (as an acknowledged write is); mentions/s. */
  Future<Double> rawDurableInsert(List<Mention> mentions, String collection) {
    List<Document> docs = documents(mentions);
    MongoCollection<Document> target = mongo.collection(collection);
    long[] start = new long[1];
    Future<Void> done = mongo.write(() -> index(target)).onSuccess(v -> start[0] = System.nanoTime()).mapEmpty();
    for (List<Document> chunk : chunks(docs, OFFER_SIZE)) {
      done = done.compose(v -> mongo.write(() -> target.insertMany(chunk, new InsertManyOptions().ordered(false)))
          .mapEmpty());
    }
    return done.map(v -> docs.size() / seconds(start[0]));
  }

  private List<Document> documents(List<Mention> mentions) {
    return mentions.stream()
        .map(m -> MentionStore.document(m.threaded("bench-case", scorer.score(ScoringInput.ofText(m.text())), m.createdAt())))
        .toList();
  }

  /** The same unique key the mentions collection carries, so every run pays for one index. Blocking. */
  private static String index(MongoCollection<Document> target) {
    return target.createIndex(Indexes.ascending("platform", "externalId"), new IndexOptions().unique(true));
  }

  private static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      chunks.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return chunks;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
