package io.earshot.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.earshot.analytics.RollupDelta;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code rollups} collection: one document per brand × platform × UTC day ({@code _id}
 * {@code day|brand|platform}), its counters kept per hour where a view needs hours. Each write of
 * a delivery's delta carries a key made from the ids of the events in it and runs only where the
 * document does not hold that key yet ({@code k.<key>}); where it does, the upsert meets the existing
 * {@code _id} and fails as a duplicate, which is a replay and counts as done. So an event told
 * twice, by the relay or by ingest recovery, counts once. Reads are by {@code _id} only, the one
 * index the embedded server uses. Futures fail with {@code DomainError.Unavailable} when the store is down.
 */
public final class RollupStore {
  public static final String ROLLUPS = "rollups";
  private static final int DUPLICATE_KEY = 11000;
  private static final int BULK = 500;
  private final MongoStore mongo;
  private final MongoCollection<Document> rollups;

  public RollupStore(MongoStore mongo) {
    this.mongo = mongo;
    this.rollups = mongo.collection(ROLLUPS);
  }

  /** Adds the deltas, each once whatever the number of times it is applied; durable when it completes. */
  public Future<Void> apply(Collection<RollupDelta> deltas) {
    if (deltas.isEmpty()) {
      return Future.succeededFuture();
    }
    List<WriteModel<Document>> models = deltas.stream().map(RollupStore::model).toList();
    return mongo.write(() -> {
      bulk(models);
      return null;
    });
  }

  /** Replaces every rollup with the deltas (the rebuild, which holds the whole history in them). */
  public Future<Void> replaceAll(Collection<RollupDelta> deltas) {
    List<WriteModel<Document>> models = deltas.stream().map(RollupStore::model).toList();
    return mongo.write(() -> {
      rollups.drop();
      bulk(models);
      return null;
    });
  }

  /** The documents with these ids that exist, each flattened to dotted field paths. */
  public Future<List<Map<String, Object>>> read(Collection<String> ids) {
    return mongo.run(() -> {
      List<Map<String, Object>> found = new ArrayList<>();
      rollups.find(Filters.in("_id", ids)).forEach(d -> {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", d, flat);
        found.add(flat);
      });
      return found;
    });
  }

  private void bulk(List<WriteModel<Document>> models) {
    for (int i = 0; i < models.size(); i += BULK) {
      try {
        rollups.bulkWrite(models.subList(i, Math.min(models.size(), i + BULK)), new BulkWriteOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != DUPLICATE_KEY)) {
          throw e;
        }
      }
    }
  }

  private static WriteModel<Document> model(RollupDelta d) {
    Document update = new Document("$setOnInsert", new Document("day", d.day()).append("brand", d.brand())
        .append("platform", d.platform()));
    if (!d.increments().isEmpty()) {
      update.append("$inc", new Document(d.increments()));
    }
    if (!d.least().isEmpty()) {
      update.append("$min", new Document(d.least()));
    }
    Document sets = new Document();
    d.sets().forEach((k, v) -> sets.append(k, v instanceof Map<?, ?> m ? new Document(cast(m)) : v));
    Bson filter = Filters.eq("_id", d.id());
    if (!d.eventIds().isEmpty()) {
      // A field per key, not an array: the embedded server's $ne does not look inside arrays.
      String key = "k." + key(d);
      filter = Filters.and(filter, Filters.exists(key, false));
      sets.append(key, 1);
    }
    if (!sets.isEmpty()) {
      update.append("$set", sets);
    }
    return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true));
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
