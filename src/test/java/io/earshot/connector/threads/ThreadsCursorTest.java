package io.earshot.connector.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.connector.threads.ThreadsCursor.Mentions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Threads catch-up cursor")
class ThreadsCursorTest {
  @Test
  @DisplayName("survives encoding: each post's after cursor, the round's turn and the mentions walk")
  void roundTrip() {
    ThreadsCursor c = ThreadsCursor.parse(null).withAfter("p1", "QUFB").withAfter("p2", "QkJC").withTurn(2)
        .withMentions(new Mentions(1_767_000_000L, "Q0ND", 1_767_000_005L, List.of("m1"), List.of("m7", "m8")));
    ThreadsCursor back = ThreadsCursor.parse(c.encode());
    assertEquals("QUFB", back.after("p1"));
    assertEquals("QkJC", back.after("p2"));
    assertEquals(2, back.turn());
    assertEquals(c.mentions(), back.mentions());
  }

  @Test
  @DisplayName("forgets posts no longer among the recent ones, and a post without a read reply has no cursor")
  void retain() {
    ThreadsCursor c = ThreadsCursor.parse(null).withAfter("old", "QUFB").withAfter("new", "QkJC").withAfter("none", null);
    ThreadsCursor kept = ThreadsCursor.parse(c.retain(List.of("new", "none")).encode());
    assertNull(kept.after("old"));
    assertNull(kept.after("none"));
    assertEquals("QkJC", kept.after("new"));
  }

  @Test
  @DisplayName("refuses another platform's cursor, so catch-up starts over instead of misreading it")
  void foreign() {
    assertThrows(IllegalArgumentException.class, () -> ThreadsCursor.parse("eyJ2IjoxLCJwIjp7fX0"));
    assertThrows(IllegalArgumentException.class, () -> ThreadsCursor.parse("not base64 at all!"));
  }
}
