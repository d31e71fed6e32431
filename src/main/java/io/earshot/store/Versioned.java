package io.earshot.store;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Optimistic concurrency for documents that lifecycles change: a write applies only to the
 * version its change was decided on, stores the decided (higher) version, and remembers the change id among the
 * last few ({@code changeIds}), which is how a change staged in the event queue is confirmed
 * after a crash.
 */
final class Versioned {
  /** Enough to outlast the few seconds between a crash and the event relay's check. */
  private static final int REMEMBERED_CHANGES = 20;
  /** The index that makes {@link #at} a keyed lookup on every server. */
  static final Bson INDEX = Indexes.ascending("_id", "version");

  private Versioned() {
  }

  /**
   * The document {@code id} at {@code version}. A flat filter with exactly the keys of the unique
   * {@code (_id, version)} index ({@link #INDEX}): the embedded server uses an index only for a
   * query on exactly its keys, and would scan the whole collection for anything else
   * ({@code $and}, an extra condition). Documents written before versions existed are given
   * version 0 at start-up ({@link MongoStore#createIndexes}).
   */
  static Bson at(String id, long version) {
    return new Document("_id", id).append("version", version);
  }

  /** The decided {@code version}, remembering {@code changeId}. */
  static Bson advance(long version, String changeId) {
    return Updates.combine(Updates.set("version", version), remember(changeId));
  }

  static Bson remember(String changeId) {
    return Updates.pushEach("changeIds", List.of(changeId), new PushOptions().slice(-REMEMBERED_CHANGES));
  }
}
