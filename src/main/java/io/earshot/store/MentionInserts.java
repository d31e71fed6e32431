package io.earshot.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.InsertManyOptions;
import io.earshot.domain.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * Inserts a batch of mentions so that one bad document fails alone. An unordered bulk insert
 * reports each refused document with its index, and those are the only failures; when instead
 * the whole command fails without naming a document, the batch is split in halves and each half
 * retried, down to single documents, so only the one the store cannot take is refused.
 *
 * <p>This is also what keeps a damaged embedded store from wedging ingest. A crash that persisted
 * half of an insert (before writes were committed as whole operations by {@link GroupCommit})
 * could leave a document in the data map but not in its {@code _id} index: a scan finds it, a
 * lookup by {@code _id} does not, and inserting it again fails with "already existed", which is
 * not a duplicate-key error. Such an item is now refused on its own with that message, and every
 * other item of its batch, and of the other requests batched with it, is stored.
 */
final class MentionInserts {
  /** Ids newly inserted, and ids refused with the store's reason; the rest were stored before. */
  record Result(Set<String> inserted, Map<String, String> refused) {
  }

  private static final int DUPLICATE_KEY = 11000;
  private static final int MAX_REASON = 240;
  private final MongoCollection<Document> mentions;

  MentionInserts(MongoCollection<Document> mentions) {
    this.mentions = mentions;
  }

  /** Blocking; rethrows only what says the store itself is unavailable ({@link StoreFaults}). */
  Result insert(List<Mention> batch) {
    Result result = new Result(new HashSet<>(), new LinkedHashMap<>());
    List<Document> docs = new ArrayList<>(batch.size());
    for (Mention m : batch) {
      try {
        docs.add(MentionDocs.toDoc(m));
      } catch (RuntimeException e) {
        result.refused().put(m.id(), "cannot be written: " + reason(e));
      }
    }
    Map<String, String> ambiguous = new LinkedHashMap<>();
    insert(docs, false, result, ambiguous);
    settleAmbiguous(ambiguous, result);
    return result;
  }

  /**
   * A duplicate key met while retrying after a failure of the whole command is either this
   * attempt's own earlier insert or a copy stored before: the case id written tells them apart
   * (each batch threads its new mentions into cases of its own choosing).
   */
  private void settleAmbiguous(Map<String, String> caseIdById, Result result) {
    if (caseIdById.isEmpty()) {
      return;
    }
    mentions.find(Filters.in("_id", caseIdById.keySet()))
        .projection(Projections.include("caseId"))
        .forEach(d -> {
          if (Objects.equals(d.getString("caseId"), caseIdById.get(idOf(d)))) {
            result.inserted().add(idOf(d));
          }
        });
  }

  /**
   * @param retry whether an earlier attempt of these documents failed as a whole: some of them
   *     may be in already, put there by that attempt, so a duplicate key is then ambiguous
   */
  private void insert(List<Document> docs, boolean retry, Result result, Map<String, String> ambiguous) {
    if (docs.isEmpty()) {
      return;
    }
    try {
      mentions.insertMany(docs, new InsertManyOptions().ordered(false));
      docs.forEach(d -> result.inserted().add(idOf(d)));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        throw e;
      }
      settleBulk(docs, e, retry ? ambiguous : null, result);
    } catch (RuntimeException e) {
      if (StoreFaults.unavailable(e)) {
        throw e;
      }
      if (docs.size() == 1) {
        result.refused().put(idOf(docs.get(0)), "the store refused it: " + reason(e));
        return;
      }
      int half = docs.size() / 2;
      insert(docs.subList(0, half), true, result, ambiguous);
      insert(docs.subList(half, docs.size()), true, result, ambiguous);
    }
  }

  private static void settleBulk(List<Document> docs, MongoBulkWriteException e, Map<String, String> ambiguous,
                                 Result result) {
    Set<Integer> failed = new HashSet<>();
    for (BulkWriteError error : e.getWriteErrors()) {
      failed.add(error.getIndex());
      String id = idOf(docs.get(error.getIndex()));
      if (error.getCode() == DUPLICATE_KEY) {
        if (ambiguous != null) {
          ambiguous.put(id, docs.get(error.getIndex()).getString("caseId"));
        }
      } else {
        result.refused().put(id, "the store refused it (error " + error.getCode() + "): "
            + truncate(error.getMessage()));
      }
    }
    for (int i = 0; i < docs.size(); i++) {
      if (!failed.contains(i)) {
        result.inserted().add(idOf(docs.get(i)));
      }
    }
  }

  private static String idOf(Document d) {
    return d.getString("_id");
  }

  private static String reason(Throwable e) {
    return truncate(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private static String truncate(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
  }
}
