package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small document per ingest batch in flight, written before its mentions and removed once
 * its cases and customers reflect them. An entry that outlives its batch marks a crash in the
 * middle, and lists exactly which mentions recovery must finish, and which chain moves it must
 * apply again. Two writes per batch instead of a flag update on every mention keeps this off the
 * hot path's budget, and neither is a commit of its own: opening is staged and made durable by
 * the batch's first durable write (the entry is written before it, and a commit persists
 * everything written before it); closing is staged and made durable by whichever commit comes
 * next, and if a crash loses it, recovery finds the batch finished and closes it again.
 */
public final class IngestJournal {
  /**
   * A batch that was opened and not closed; {@code caseBrands} holds the brand of each case the
   * batch writes (empty in entries from before brands), which recovery needs to create a case.
   */
  public record Entry(String id, List<String> mentionIds, List<ThreadMoves.Move> moves,
                      Map<String, String> caseBrands, Instant openedAt) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(IngestJournal.class);
  private final MongoStore mongo;
  private final MongoCollection<Document> journal;

  public IngestJournal(MongoStore mongo) {
    this.mongo = mongo;
    this.journal = mongo.collection(MongoStore.INGEST_JOURNAL);
  }

  public Future<Void> open(String batchId, List<String> mentionIds, Instant now) {
    return open(batchId, mentionIds, List.of(), Map.of(), now);
  }

  /** Staged: durable once the batch's next durable write is, which must follow. */
  public Future<Void> open(String batchId, List<String> mentionIds, List<ThreadMoves.Move> moves,
                           Map<String, String> caseBrands, Instant now) {
    List<Document> moveDocs = moves.stream().map(m -> new Document("from", m.from()).append("to", m.to())
        .append("roots", m.roots())).toList();
    // A list of pairs, not a map: case ids are UUIDs, and field names are best kept to slugs.
    List<Document> brandDocs = caseBrands.entrySet().stream()
        .map(e -> new Document("caseId", e.getKey()).append("brand", e.getValue())).toList();
    return mongo.stage(() -> journal.insertOne(new Document("_id", batchId).append("mentionIds", mentionIds)
        .append("moves", moveDocs).append("caseBrands", brandDocs).append("openedAt", Dates.of(now)))).mapEmpty();
  }

  public Future<Void> close(String batchId) {
    return mongo.stage(() -> journal.deleteOne(eq("_id", batchId))).mapEmpty();
  }

  /**
   * Entries opened before {@code before}: their batches died mid-way. An entry that cannot be
   * read (written by hand, or by a version with another shape) is logged and skipped, so it
   * cannot hold up the others.
   */
  public Future<List<Entry>> stale(Instant before, int limit) {
    return mongo.run(() -> {
      List<Entry> entries = new ArrayList<>();
      for (Document d : journal.find(lt("openedAt", Dates.of(before))).limit(limit)) {
        try {
          entries.add(entry(d));
        } catch (RuntimeException e) {
          LOG.error("ingest journal entry {} cannot be read, skipped: {}", d.get("_id"), e.toString());
        }
      }
      return entries;
    });
  }

  private static Entry entry(Document d) {
    List<ThreadMoves.Move> moves = d.getList("moves", Document.class, List.of()).stream()
        .map(m -> new ThreadMoves.Move(m.getString("from"), m.getString("to"), m.getList("roots", String.class)))
        .toList();
    Map<String, String> caseBrands = new HashMap<>();
    d.getList("caseBrands", Document.class, List.of())
        .forEach(b -> caseBrands.put(b.getString("caseId"), b.getString("brand")));
    return new Entry(d.getString("_id"), d.getList("mentionIds", String.class), moves, caseBrands,
        Dates.instant(d.get("openedAt")));
  }
}
