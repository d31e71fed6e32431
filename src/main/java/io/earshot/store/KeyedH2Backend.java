package io.earshot.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend whose unique indexes compare keys through {@link IndexKeyType}.
 * H2 returns a map already open when it is opened again by name, so opening each index's map with
 * that key type just before the library opens it by name gives the library this map; nothing
 * else of the backend changes.
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

    /**
     * The store this database was given: the library keeps it private and opens the indexes from
     * its constructor, before a field of this class could be set.
     */
    private static MVStore storeOf(H2Database database) {
      try {
        Field field = H2Database.class.getDeclaredField("mvStore");
        field.setAccessible(true);
        return (MVStore) field.get(database);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("mongo-java-server's H2Database has no mvStore field any more", e);
      }
    }
  }
}
