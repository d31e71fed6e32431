package io.earshot.store;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyed reads of many documents ({@code _id $in [...]}) in chunks. The embedded server finds the
 * documents by its {@code _id} index, but then matches each one found against the whole
 * {@code $in} list again, so one query of n ids costs n² comparisons: 5,000 mentions' ids per
 * batch of the index rebuild were more than half of its CPU (bench inbox profile). Chunks of
 * {@link #CHUNK} keep that linear; a real MongoDB answers each chunk from its index too.
 */
final class ByIds {
  static final int CHUNK = 100;

  private ByIds() {
  }

  /** Each document of {@code ids} (projected when {@code projection} is not null) to {@code sink}. */
  static void forEach(MongoCollection<Document> collection, Collection<String> ids, Bson projection,
                      Consumer<Document> sink) {
    List<String> all = ids instanceof List<String> list ? list : new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += CHUNK) {
      var found = collection.find(in("_id", all.subList(i, Math.min(all.size(), i + CHUNK))));
      (projection == null ? found : found.projection(projection)).forEach(sink);
    }
  }

  /** The documents of {@code ids}, as {@link #forEach} reads them. */
  static List<Document> find(MongoCollection<Document> collection, Collection<String> ids, Bson projection) {
    List<Document> found = new ArrayList<>(ids.size());
    forEach(collection, ids, projection, found::add);
    return found;
  }
}
