package io.earshot.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.earshot.analytics.RollupDelta;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code rollups} collection: one document per brand × platform × UTC day ({@code _id}
 * {@code day|brand|platform}) and one per brand × platform × UTC month ({@code month|brand|platform}).
 * Each delivery's delta of a document carries a key made from the ids of its events, and a
 * document remembers the keys it took for a few days ({@link ReplayKeys}): a delivery told again finds its key and
 * adds nothing, so an event told twice, by the relay or by ingest recovery, counts once. Many
 * deliveries are written together, one upsert per document: the keys the documents already hold
 * are read first (by {@code _id}) and those deliveries left out. On a real MongoDB each upsert is
 * also guarded by its keys' absence, atomically; the embedded server would answer such a filter
 * by scanning the whole collection (it uses an index only when the filter is exactly {@code _id}),
 * and it serves a single instance, whose one rollup writer ({@code RollupListener}) never runs two
 * writes at once, so there the read is the guard. Reads are by {@code _id} only, in parallel
 * chunks. Futures fail with {@code DomainError.Unavailable} when the store is down.
 */
public final class RollupStore {
  public static final String ROLLUPS = "rollups";
  private static final int DUPLICATE_KEY = 11000;
  private static final int BULK = 500;
  private static final int INSERT_CHUNK = 200;
  /** Ids per read: chunks read in parallel overlap the server's work with the decoding of the last chunk. */
  private static final int READ_CHUNK = 96;
  private final MongoStore mongo;
  private final MongoCollection<Document> rollups;
  private final boolean guarded;
  private final ReplayKeys replayKeys;

  /** @param guarded whether upserts also carry their keys in the filter (a real MongoDB; see above) */
  public RollupStore(MongoStore mongo, boolean guarded) {
    this(mongo, guarded, Clock.systemUTC());
  }

  /** @param clock the day replay keys are kept under and dropped by */
  public RollupStore(MongoStore mongo, boolean guarded, Clock clock) {
    this.mongo = mongo;
    this.rollups = mongo.collection(ROLLUPS);
    this.guarded = guarded;
    this.replayKeys = new ReplayKeys(clock);
  }

  /**
   * Adds the deliveries' deltas, each delivery once whatever the number of times it is applied;
   * durable when it completes. Call one at a time on the embedded server.
   */
  /**
   * Counts on the store's bounded worker pool, then applies what was counted: a flush under
   * ingest load counts thousands of events, too long for an event loop (EventLoopsIT saw one
   * take 200 ms there on a busy machine).
   */
  public Future<Void> countAndApply(java.util.function.Supplier<List<? extends Collection<RollupDelta>>> counting) {
    return mongo.run(counting::get).compose(this::apply);
  }

  public Future<Void> apply(List<? extends Collection<RollupDelta>> deliveries) {
    Map<String, List<Keyed>> byDoc = new LinkedHashMap<>();
    deliveries.forEach(deltas -> deltas.forEach(d ->
        byDoc.computeIfAbsent(d.id(), id -> new ArrayList<>()).add(new Keyed(d.eventIds().isEmpty() ? null : key(d), d))));
    if (byDoc.isEmpty()) {
      return Future.succeededFuture();
    }
    return appliedKeys(byDoc).compose(applied -> {
      List<WriteModel<Document>> models = new ArrayList<>();
      byDoc.forEach((id, parts) -> {
        WriteModel<Document> m = model(parts, applied.getOrDefault(id, Set.of()));
        if (m != null) {
          models.add(m);
        }
      });
      return models.isEmpty() ? Future.<Void>succeededFuture() : mongo.write(() -> {
        bulk(models);
        return null;
      });
    });
  }

  /**
   * Replaces every rollup with the deltas (the rebuild, which holds the whole history in them),
   * as whole documents inserted in small chunks: upserts of thousands of wide documents made one
   * bulk operation outlast the driver's read timeout on a loaded embedded server.
   */
  public Future<Void> replaceAll(Collection<RollupDelta> deltas) {
    List<Document> docs = deltas.stream().map(RollupStore::document).toList();
    return mongo.write(() -> {
      rollups.drop();
      for (int i = 0; i < docs.size(); i += INSERT_CHUNK) {
        rollups.insertMany(docs.subList(i, Math.min(docs.size(), i + INSERT_CHUNK)));
      }
      return null;
    });
  }

  /** A delta as the document it makes alone: dotted field paths nested, as {@code $inc} would make them. */
  private static Document document(RollupDelta d) {
    Document doc = new Document("_id", d.id()).append(d.kind(), d.day()).append("brand", d.brand())
        .append("platform", d.platform());
    d.increments().forEach((field, v) -> put(doc, field, v));
    d.least().forEach((field, v) -> put(doc, field, v));
    d.sets().forEach((field, v) -> put(doc, field, v instanceof Map<?, ?> m ? new Document(cast(m)) : v));
    return doc;
  }

  private static void put(Document doc, String path, Object value) {
    Document at = doc;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.get(parts[i]);
      if (!(next instanceof Document sub)) {
        Document created = new Document();
        at.put(parts[i], created);
        at = created;
      } else {
        at = sub;
      }
    }
    at.put(parts[parts.length - 1], value);
  }

  /** The documents with these ids that exist, each flattened to dotted field paths, without their keys. */
  public Future<List<Map<String, Object>>> read(Collection<String> ids) {
    return read(ids, null);
  }

  /** The same, projected to {@code fields} (top-level names; null: all but the keys), read in parallel chunks. */
  public Future<List<Map<String, Object>>> read(Collection<String> ids, List<String> fields) {
    List<String> all = List.copyOf(ids);
    Bson projection = fields == null ? Projections.exclude("k") : Projections.include(fields);
    List<Future<List<Map<String, Object>>>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += READ_CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + READ_CHUNK));
      chunks.add(mongo.run(() -> {
        List<Map<String, Object>> found = new ArrayList<>();
        rollups.find(Filters.in("_id", chunk)).projection(projection).forEach(d -> {
          Map<String, Object> flat = new HashMap<>();
          flatten("", d, flat);
          found.add(flat);
        });
        return found;
      }));
    }
    return Future.all(new ArrayList<>(chunks)).map(v -> {
      List<Map<String, Object>> found = new ArrayList<>();
      chunks.forEach(c -> found.addAll(c.result()));
      return found;
    });
  }

  /** One delivery's delta of a document and its replay key (null: values set, not added, need none). */
  private record Keyed(String key, RollupDelta delta) {
  }

  /** Which of these deliveries' keys each document already holds: read by {@code _id}, projected to those keys. */
  private Future<Map<String, Set<String>>> appliedKeys(Map<String, List<Keyed>> byDoc) {
    List<String> fields = new ArrayList<>();
    byDoc.values().forEach(parts -> parts.forEach(p -> {
      if (p.key() != null) {
        fields.addAll(replayKeys.recentFields(p.key()));
      }
    }));
    if (fields.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Set<String>> applied = new HashMap<>();
      rollups.find(Filters.in("_id", byDoc.keySet())).projection(Projections.include(fields)).forEach(d -> {
        Document k = d.get("k", Document.class);
        if (k != null) {
          Set<String> keys = new HashSet<>();
          k.values().forEach(day -> keys.addAll(((Document) day).keySet()));
          applied.put(d.getString("_id"), keys);
        }
      });
      return applied;
    });
  }

  private void bulk(List<WriteModel<Document>> models) {
    for (int i = 0; i < models.size(); i += BULK) {
      try {
        rollups.bulkWrite(models.subList(i, Math.min(models.size(), i + BULK)), new BulkWriteOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        // A guarded upsert that meets its key fails as a duplicate _id: a replay, done already.
        if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
          throw e;
        }
      }
    }
  }

  /** One upsert of a document: the parts whose keys it does not hold yet, merged; null if none is left. */
  private WriteModel<Document> model(List<Keyed> parts, Set<String> applied) {
    RollupDelta merged = null;
    List<String> keys = new ArrayList<>();
    for (Keyed p : parts) {
      if (p.key() != null && (applied.contains(p.key()) || keys.contains(p.key()))) {
        continue;
      }
      if (p.key() != null) {
        keys.add(p.key());
      }
      if (merged == null) {
        merged = p.delta().copy();
      } else {
        merged.merge(p.delta());
      }
    }
    return merged == null ? null : update(merged, keys);
  }

  private UpdateOneModel<Document> update(RollupDelta d, List<String> keys) {
    Document update = new Document("$setOnInsert", new Document(d.kind(), d.day())
        .append("brand", d.brand()).append("platform", d.platform()));
    if (!d.increments().isEmpty()) {
      update.append("$inc", new Document(d.increments()));
    }
    if (!d.least().isEmpty()) {
      update.append("$min", new Document(d.least()));
    }
    Document sets = new Document();
    d.sets().forEach((k, v) -> sets.append(k, v instanceof Map<?, ?> m ? new Document(cast(m)) : v));
    List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", d.id())));
    for (String key : keys) {
      // A field per key, not an array: the embedded server's $ne does not look inside arrays.
      sets.append(replayKeys.fieldNow(key), 1);
      if (guarded) {
        replayKeys.recentFields(key).forEach(field -> filter.add(Filters.exists(field, false)));
      }
    }
    if (!sets.isEmpty()) {
      update.append("$set", sets);
    }
    if (!keys.isEmpty() && replayKeys.pruneDue(d.id())) {
      Document stale = new Document();
      replayKeys.staleBuckets().forEach(bucket -> stale.append(bucket, ""));
      update.append("$unset", stale);
    }
    return new UpdateOneModel<>(filter.size() == 1 ? filter.get(0) : Filters.and(filter), update,
        new UpdateOptions().upsert(true));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** A short digest of the document and the events in the delta: the same events make the same key. */
  static String key(RollupDelta d) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(d.id().getBytes(StandardCharsets.UTF_8));
      d.eventIds().forEach(id -> sha.update(("\n" + id).getBytes(StandardCharsets.UTF_8)));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flatten(String prefix, Document d, Map<String, Object> into) {
    d.forEach((k, v) -> {
      if (prefix.isEmpty() && k.equals("k")) {
        return;
      }
      if (v instanceof Document sub) {
        flatten(prefix + k + ".", sub, into);
      } else {
        into.put(prefix + k, v);
      }
    });
  }
}
