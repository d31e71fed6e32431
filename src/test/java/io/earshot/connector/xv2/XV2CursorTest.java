package io.earshot.connector.xv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Where an X v2 stream stands")
class XV2CursorTest {

  @Test
  @DisplayName("a page with next_token starts a walk from its newest id; the mark stays until the walk ends")
  void walkStarts() {
    XV2Cursor.Walk walk = new XV2Cursor.Walk("100", null, null).after("900", "tok1");
    assertEquals(new XV2Cursor.Walk("100", "900", "tok1"), walk);
    assertTrue(walk.walking());
  }

  @Test
  @DisplayName("short and empty pages with a next_token keep walking; the top stays the walk's first")
  void shortAndEmptyPagesKeepWalking() {
    XV2Cursor.Walk walk = new XV2Cursor.Walk("100", "900", "tok1").after("450", "tok2");
    assertEquals(new XV2Cursor.Walk("100", "900", "tok2"), walk);
    assertEquals(new XV2Cursor.Walk("100", "900", "tok3"), walk.after(null, "tok3"), "an empty page: deleted posts only");
  }

  @Test
  @DisplayName("a page without next_token ends the walk: the mark moves to its top; idle pages keep the mark")
  void walkEnds() {
    assertEquals(new XV2Cursor.Walk("900", null, null), new XV2Cursor.Walk("100", "900", "tok2").after("300", null));
    assertEquals(new XV2Cursor.Walk("100", null, null), new XV2Cursor.Walk("100", null, null).after(null, null));
    assertEquals(new XV2Cursor.Walk("150", null, null), new XV2Cursor.Walk("100", null, null).after("150", null));
    assertFalse(new XV2Cursor.Walk("100", "900", "tok").after("5", "tok").walking(), "a token that did not move ends it");
  }

  @Test
  @DisplayName("cursors survive encode/decode, a v1.1 cursor carries on from its marks, foreign strings are refused")
  void roundTrip() {
    XV2Cursor cursor = new XV2Cursor(new XV2Cursor.Walk("1", "2", "t"), new XV2Cursor.Walk("4", null, null));
    assertEquals(cursor, XV2Cursor.decode(cursor.encode()));
    assertEquals(XV2Cursor.START, XV2Cursor.decode(null));
    assertEquals(new XV2Cursor(new XV2Cursor.Walk("555", null, null), XV2Cursor.Walk.START),
        XV2Cursor.decode("v1:555,600,300:0,0,0"));
    assertThrows(RuntimeException.class, () -> XV2Cursor.decode("not-a-cursor"));
  }

  @Test
  @DisplayName("the DM walk survives encode/decode; a cursor from before DMs reads as no DM read yet")
  void dmWalk() {
    XV2Cursor cursor = new XV2Cursor(XV2Cursor.Walk.START, XV2Cursor.Walk.START, new XV2Cursor.Walk("7", "9", "t"));
    assertEquals(cursor, XV2Cursor.decode(cursor.encode()));
    String before = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"v\":2,\"mentions\":{\"since\":\"5\"},\"search\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(new XV2Cursor(new XV2Cursor.Walk("5", null, null), XV2Cursor.Walk.START, XV2Cursor.Walk.START),
        XV2Cursor.decode(before));
  }

  @Test
  @DisplayName("DM ids compare as the numbers they are, whatever their length; nothing is at or below no mark")
  void atOrBelow() {
    assertTrue(XV2Cursor.atOrBelow("1588000000000000001", "1588000000000000001"));
    assertTrue(XV2Cursor.atOrBelow("999", "1588000000000000001"));
    assertFalse(XV2Cursor.atOrBelow("1588000000000000002", "1588000000000000001"));
    assertFalse(XV2Cursor.atOrBelow("10000000000000000000000", "99999999999999999999"), "longer than a long");
    assertFalse(XV2Cursor.atOrBelow("5", null));
    assertFalse(XV2Cursor.atOrBelow("abc", "5"));
  }
}
