package io.earshot.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * The embedded server's collection that answers a range of {@code _id} in {@code _id} order from
 * where the range starts. The library answers any query its unique indexes cannot take (they take
 * equality and {@code $in} only) by reading, matching and projecting every document of the
 * collection into one list before the first batch: a read of a collection by {@code _id} pages
 * ({@link IdPages}) cost a whole scan per page, and one pass of 1,000,000 mentions held the
 * collection's lock past the driver's 30 s read timeout (bench inbox at 300,000 mentions already).
 * H2 keeps the documents in a map ordered by {@code _id}, so a range is a walk of that map from its
 * start, stopped once the page is full.
 *
 * <p>Taken only for {@code {_id: {$gt|$gte: <string>}, ...}} in natural or {@code _id}-ascending
 * order, and for {@code {}} in {@code _id} order with a limit; anything else is the library's.
 * Like MongoDB, a string bound selects string ids only (the map keeps them together, after numbers
 * and before other types), in {@code String} order, which is MongoDB's (UTF-8 byte order) for every
 * id outside the supplementary planes. The rest of the query is matched as the library matches it.
 */
final class IdRangeCollection extends H2Collection {
  private final MVMap<Object, Document> documents;

  IdRangeCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                    MVMap<String, Object> meta, CursorRegistry cursors) {
    super(database, name, options, documents, meta, cursors);
    this.documents = documents;
  }

  @Override
  protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                       Document projection) {
    IdRange range = IdRange.of(query, orderBy, limit, getIdField());
    if (range == null) {
      return super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
    }
    List<Document> found = walk(range, query, limit > 0 ? skip + limit : Integer.MAX_VALUE);
    return matchDocumentsFromStream(found.stream(), query, orderBy, skip, limit, batchSize, projection);
  }

  /** Up to {@code wanted} documents matching {@code query}, in {@code _id} order from the range's start. */
  private List<Document> walk(IdRange range, Document query, int wanted) {
    List<Document> found = new ArrayList<>();
    Cursor<Object, Document> cursor = documents.cursor(range.from());
    while (found.size() < wanted && cursor.hasNext()) {
      Object key = cursor.next();
      if (range.from() != null && !(key instanceof String)) {
        break; // past the strings: a string bound selects string ids only
      }
      if (range.excludes(key)) {
        continue;
      }
      Document document = cursor.getValue();
      if (documentMatchesQuery(document, query)) {
        found.add(document);
      }
    }
    return found;
  }
}
