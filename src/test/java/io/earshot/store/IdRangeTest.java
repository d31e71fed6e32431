package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which queries the embedded server answers by walking an _id range")
class IdRangeTest {
  private static Document doc(String key, Object value) {
    return new Document(key, value);
  }

  @Test
  @DisplayName("$gt and $gte of a string, in natural or _id-ascending order, are walked from the bound")
  void stringBounds() {
    assertEquals(new IdRange("m-1", true), IdRange.of(doc("_id", doc("$gt", "m-1")), doc("_id", 1), 50, "_id"));
    assertEquals(new IdRange("m-1", false), IdRange.of(doc("_id", doc("$gte", "m-1")), null, 0, "_id"));
    assertEquals(new IdRange("m-1", true),
        IdRange.of(doc("_id", doc("$gt", "m-1")).append("status", "open"), new Document(), 5, "_id"));
  }

  @Test
  @DisplayName("the whole collection is walked only in _id order with a limit")
  void wholeCollection() {
    assertEquals(new IdRange(null, false), IdRange.of(new Document(), doc("_id", 1), 50, "_id"));
    assertNull(IdRange.of(new Document(), null, 50, "_id"));
    assertNull(IdRange.of(new Document(), doc("_id", 1), 0, "_id"));
  }

  @Test
  @DisplayName("other bounds, orders and operators are the library's")
  void others() {
    assertNull(IdRange.of(doc("_id", doc("$gt", 5)), doc("_id", 1), 50, "_id"));
    assertNull(IdRange.of(doc("_id", doc("$lt", "m")), doc("_id", 1), 50, "_id"));
    assertNull(IdRange.of(doc("_id", doc("$gt", "a").append("$lt", "m")), doc("_id", 1), 50, "_id"));
    assertNull(IdRange.of(doc("_id", doc("$gt", "m")), doc("_id", -1), 50, "_id"));
    assertNull(IdRange.of(doc("_id", doc("$gt", "m")), doc("updatedAt", 1), 50, "_id"));
    assertNull(IdRange.of(doc("_id", "m-1"), null, 1, "_id"));
    assertNull(IdRange.of(doc("_id", doc("$gt", "m")), null, 50, null));
  }

  @Test
  @DisplayName("$gt leaves the bound itself out, $gte keeps it")
  void bound() {
    assertEquals(true, new IdRange("m", true).excludes("m"));
    assertEquals(false, new IdRange("m", true).excludes("m0"));
    assertEquals(false, new IdRange("m", false).excludes("m"));
  }
}
