package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded server's index key order")
class IndexKeyTypeTest {
  private final SplittableRandom random = new SplittableRandom(17);

  private Object value() {
    return switch (random.nextInt(5)) {
      case 0 -> "case-" + random.nextInt(1_000);
      case 1 -> random.nextInt(-500, 500);
      case 2 -> random.nextLong(1L << 40);
      case 3 -> random.nextDouble();
      default -> random.nextBoolean() ? "sandbox" : "x";
    };
  }

  private List<KeyValue> keys(int n) {
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(random.nextBoolean() ? new KeyValue(value()) : new KeyValue(value(), value()));
    }
    return keys;
  }

  @Test
  @DisplayName("orders every pair of keys exactly as H2's own type does, also when the same objects are compared again")
  void sameOrderAsH2() {
    ObjectDataType h2 = new ObjectDataType();
    IndexKeyType ours = new IndexKeyType();
    List<KeyValue> keys = keys(400);
    for (int round = 0; round < 2; round++) {
      for (KeyValue a : keys) {
        for (KeyValue b : keys.subList(0, 60)) {
          assertEquals(Integer.signum(h2.compare(a, b)), Integer.signum(ours.compare(a, b)), a + " vs " + b);
        }
      }
    }
  }

  @Test
  @DisplayName("keys equal in value but distinct objects compare equal, and other values as H2 compares them")
  void equalValuesAndOtherTypes() {
    IndexKeyType ours = new IndexKeyType();
    assertEquals(0, ours.compare(new KeyValue("case-1"), new KeyValue("case-1")));
    ObjectDataType h2 = new ObjectDataType();
    assertEquals(Integer.signum(h2.compare("a", "b")), Integer.signum(ours.compare("a", "b")));
    assertEquals(Integer.signum(h2.compare(3L, 2L)), Integer.signum(ours.compare(3L, 2L)));
  }
}
