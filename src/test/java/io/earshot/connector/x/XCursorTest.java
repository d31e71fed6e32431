package io.earshot.connector.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XCursorTest {

  @Test
  @DisplayName("a page starts a walk down with max_id below its oldest tweet; the mark stays")
  void pageWalks() {
    XCursor.Walk walk = new XCursor.Walk(100, 0, 0).after(200, 500, 900);
    assertEquals(new XCursor.Walk(100, 900, 499), walk);
    assertTrue(walk.walking());
  }

  @Test
  @DisplayName("a short page (deleted tweets removed after count) keeps walking: it may have more below")
  void shortPageKeepsWalking() {
    XCursor.Walk walk = new XCursor.Walk(100, 900, 499).after(37, 101, 499);
    assertEquals(new XCursor.Walk(100, 900, 100), walk);
    assertTrue(walk.walking());
  }

  @Test
  @DisplayName("an empty page keeps the mark when idle and closes a walk at its top")
  void emptyPages() {
    assertEquals(new XCursor.Walk(100, 0, 0), new XCursor.Walk(100, 0, 0).after(0, 0, 0));
    assertEquals(new XCursor.Walk(900, 0, 0), new XCursor.Walk(100, 900, 499).after(0, 0, 0));
    assertFalse(new XCursor.Walk(100, 900, 499).after(0, 0, 0).walking());
  }

  @Test
  @DisplayName("cursors survive encode/decode; foreign strings are refused")
  void roundTrip() {
    XCursor cursor = new XCursor(new XCursor.Walk(1, 2, 3), new XCursor.Walk(4, 0, 0));
    assertEquals(cursor, XCursor.decode(cursor.encode()));
    assertEquals(XCursor.START, XCursor.decode(null));
    assertThrows(IllegalArgumentException.class, () -> XCursor.decode("12345"));
  }

  @Test
  @DisplayName("auto-populated @names and t.co rewriting do not hide an earlier identical reply")
  void replyNormalization() {
    assertEquals(XReplies.normalize("Sorry! see <link>"), XReplies.normalize("@cust5000 @Other Sorry! see https://t.co/abc"));
  }
}
