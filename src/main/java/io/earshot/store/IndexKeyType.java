package io.earshot.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded server's unique indexes: H2's own {@link ObjectDataType} (the same
 * bytes on disk, so a data file written before reads the same), with its order kept exactly and
 * its cost cut. H2 orders a key it does not know ({@link KeyValue}) by Java-serializing both sides
 * of every comparison, about 17 per lookup of an index of 100,000 keys, and that was 70 % of the
 * CPU while seeding and 28 % of the analytics overview's (bench profiles). Here each key's
 * serialized form is kept per thread for the objects seen last (the key searched for, and the keys
 * of the pages every search passes), so most comparisons compare bytes already made. Keys are
 * immutable, so a kept form never goes stale; a strong reference per slot means an identity seen
 * again is the same object. Not shared across maps: H2 gives each map its own key type.
 */
final class IndexKeyType extends ObjectDataType {
  private static final int SLOTS = 1 << 10;
  private static final ThreadLocal<Forms> FORMS = ThreadLocal.withInitial(Forms::new);

  private static final class Forms {
    private final Object[] keys = new Object[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];

    byte[] of(Object key) {
      int slot = System.identityHashCode(key) & (SLOTS - 1);
      if (keys[slot] != key) {
        bytes[slot] = serialize(key);
        keys[slot] = key;
      }
      return bytes[slot];
    }
  }

  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    // Exactly what H2 does for two keys of a class it does not know and that are not Comparable.
    if (a instanceof KeyValue && b instanceof KeyValue) {
      Forms forms = FORMS.get();
      return compareNotNull(forms.of(a), forms.of(b));
    }
    return super.compare(a, b);
  }
}
