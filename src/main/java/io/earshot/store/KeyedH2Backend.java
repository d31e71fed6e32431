package io.earshot.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique indexes compare keys through {@link IndexKeyType}
 * and whose collections walk a range of {@code _id} ({@link IdRangeCollection}). H2 returns a map
 * already open when it is opened again by name, so opening each index's map with that key type
 * just before the library opens it by name gives the library this map; a collection is the
 * library's own, on the maps the library opened for it. Nothing on disk changes.
 */
final class KeyedH2Backend extends H2Backend {
  KeyedH2Backend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new KeyedDatabase(databaseName, getMvStore(), getCursorRegistry());
  }

  private static final class KeyedDatabase extends H2Database {
    KeyedDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
      super(databaseName, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
      // The library's own name for the index's map (H2Database.mapNameForIndex).
      String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
      storeOf(this).openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      H2Collection plain = (H2Collection) super.openOrCreateCollection(collectionName, options);
      return new IdRangeCollection(this, collectionName, options,
          (MVMap<Object, de.bwaldvogel.mongo.bson.Document>) field(H2Collection.class, plain, "dataMap"),
          (MVMap<String, Object>) field(H2Collection.class, plain, "metaMap"), cursorRegistry);
    }

    /**
     * The store this database was given: the library keeps it private and opens the indexes from
     * its constructor, before a field of this class could be set.
     */
    private static MVStore storeOf(H2Database database) {
      return (MVStore) field(H2Database.class, database, "mvStore");
    }

    /** A private field of the library's (its maps and store are not exposed). */
    private static Object field(Class<?> owner, Object of, String name) {
      try {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(of);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("mongo-java-server's " + owner.getSimpleName() + " has no " + name
            + " field any more", e);
      }
    }
  }
}
