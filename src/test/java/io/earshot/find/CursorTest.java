package io.earshot.find;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.error.DomainError;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A page cursor: the last case's sort keys, opaque to clients")
class CursorTest {
  private static final Object[] KEYS = {0L, 87L, 1_760_000_000_000L, new BytesRef("case-|-id")};

  @Test
  @DisplayName("the next page starts from exactly the keys the page ended on")
  void roundTrip() {
    String cursor = Cursor.encode(CaseSort.PRIORITY, new FieldDoc(3, Float.NaN, KEYS));
    assertArrayEquals(KEYS, Cursor.decode(CaseSort.PRIORITY, cursor, KEYS.length));
    FieldDoc after = Cursor.after(KEYS, 10);
    assertEquals(9, after.doc, "past the last document, so only the case itself is skipped among equal keys");
  }

  @Test
  @DisplayName("a cursor of another sort, a damaged one or a made-up one is refused naming cursor")
  void refused() {
    String cursor = Cursor.encode(CaseSort.PRIORITY, new FieldDoc(3, Float.NaN, KEYS));
    for (String bad : new String[] {cursor.substring(2), "%%%", "bm90LWEtY3Vyc29y"}) {
      DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> Cursor.decode(CaseSort.PRIORITY, bad, KEYS.length));
      assertEquals("cursor", e.field());
    }
    DomainError.Invalid other = assertThrows(DomainError.Invalid.class,
        () -> Cursor.decode(CaseSort.NEWEST, cursor, 3));
    assertEquals("cursor", other.field());
  }
}
