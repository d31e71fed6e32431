package io.earshot.store;

import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One pass over a whole collection as pages in {@code _id} order, each page its own bounded query
 * ({@code _id > last} sorted by {@code _id}, a limit): what a real MongoDB answers from its
 * {@code _id} index and the embedded server by walking its documents' map from the bound
 * ({@link IdRangeCollection}). A plain {@code find()} there reads the whole collection into one
 * list before its first batch, holding the collection's lock for as long. Ids are strings (every
 * collection of this store keys by a string); a document inserted during the pass is read when its
 * id is after the page being read.
 */
final class IdPages {
  private IdPages() {
  }

  /** Every document (projected when {@code projection} is not null), {@code page} at a time, to {@code sink}; answers how many. */
  static long forEach(MongoCollection<Document> collection, Bson projection, int page, Consumer<List<Document>> sink) {
    long count = 0;
    String last = null;
    while (true) {
      var found = collection.find(last == null ? new Document() : gt("_id", last))
          .sort(Sorts.ascending("_id")).limit(page).batchSize(page);
      List<Document> docs = (projection == null ? found : found.projection(projection)).into(new ArrayList<>(page));
      if (docs.isEmpty()) {
        return count;
      }
      sink.accept(docs);
      count += docs.size();
      if (docs.size() < page) {
        return count;
      }
      last = docs.get(docs.size() - 1).getString("_id");
    }
  }
}
