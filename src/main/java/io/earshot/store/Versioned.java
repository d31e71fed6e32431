package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
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

  private Versioned() {
  }

  /** The document {@code id} at {@code version} (documents from before versions count as 0). */
  static Bson at(String id, long version) {
    Bson atVersion = version == 0 ? or(eq("version", 0L), exists("version", false)) : eq("version", version);
    return and(eq("_id", id), atVersion);
  }

  /** The decided {@code version}, remembering {@code changeId}. */
  static Bson advance(long version, String changeId) {
    return Updates.combine(Updates.set("version", version), remember(changeId));
  }

  static Bson remember(String changeId) {
    return Updates.pushEach("changeIds", List.of(changeId), new PushOptions().slice(-REMEMBERED_CHANGES));
  }
}
