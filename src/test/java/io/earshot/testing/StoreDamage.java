package io.earshot.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Damages an embedded store's file (the hub stopped) the way a crash did before writes were
 * committed as whole operations: a document is in its collection's data map, but missing from
 * the collection's indexes, so a scan finds it and a lookup by {@code _id} does not.
 */
public final class StoreDamage {
  private StoreDamage() {
  }

  /** Removes document {@code id} of {@code collection} from every index map; answers how many entries went. */
  public static int dropFromIndexes(Path dataDir, String collection, String id) {
    MVStore store = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv").toString()).open();
    try {
      int removed = 0;
      for (String name : store.getMapNames()) {
        if (!name.startsWith("earshot." + collection + "._index_")) {
          continue;
        }
        MVMap<Object, Object> index = store.openMap(name);
        List<Object> keys = new ArrayList<>();
        for (Map.Entry<Object, Object> e : index.entrySet()) {
          if (id.equals(e.getValue())) {
            keys.add(e.getKey());
          }
        }
        keys.forEach(index::remove);
        removed += keys.size();
      }
      store.commit();
      return removed;
    } finally {
      store.close();
    }
  }
}
