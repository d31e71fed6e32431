package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import org.bson.Document;

/**
 * Small shared settings every instance must agree on (such as a generated ingest token). The
 * first instance to start writes the value; the others read the same one.
 */
public final class SettingsStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> settings;

  public SettingsStore(MongoStore mongo) {
    this.mongo = mongo;
    this.settings = mongo.collection(MongoStore.SETTINGS);
  }

  /** A stored value and whether this call created it. */
  public record Stored(String value, boolean created) {
  }

  /** The stored value of {@code key}, storing {@code candidate} first if there is none. */
  public Future<Stored> getOrCreate(String key, String candidate) {
    return mongo.write(() -> {
      Document before = settings.findOneAndUpdate(eq("_id", key), Updates.setOnInsert("value", candidate),
          new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
      return before == null ? new Stored(candidate, true) : new Stored(before.getString("value"), false);
    });
  }
}
