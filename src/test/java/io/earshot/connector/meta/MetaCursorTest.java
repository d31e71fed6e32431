package io.earshot.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.connector.meta.MetaCursor.PostState;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Meta catch-up cursor")
class MetaCursorTest {

  @Test
  @DisplayName("keeps each post's Graph cursor, marker, count and re-read position across encoding")
  void roundTrip() {
    MetaCursor cursor = MetaCursor.parse(null).with("p1", new PostState("QVFI", "2026-12-01T15:33:38+0000/4", 4, null))
        .with("p2", new PostState(null, null, 0, ""));
    MetaCursor back = MetaCursor.parse(cursor.encode());
    assertEquals(new PostState("QVFI", "2026-12-01T15:33:38+0000/4", 4, null), back.of("p1"));
    assertEquals("", back.of("p2").rescan());
    assertEquals(PostState.NEW, back.of("unknown"));
  }

  @Test
  @DisplayName("forgets posts that left the recent window")
  void retain() {
    MetaCursor cursor = MetaCursor.parse(null).with("old", new PostState("a", "m", 1, null))
        .with("new", new PostState("b", "n", 2, null)).retain(List.of("new", "newer"));
    assertEquals(PostState.NEW, cursor.of("old"));
    assertEquals("b", cursor.of("new").after());
    assertNull(cursor.posts().getJsonObject("newer"));
  }

  @Test
  @DisplayName("refuses a string that is not one of its own")
  void foreign() {
    assertThrows(IllegalArgumentException.class, () -> MetaCursor.parse("min_id:123!"));
    assertEquals(new JsonObject(), MetaCursor.parse("").posts());
  }

  @Test
  @DisplayName("a Facebook post's marker moves with a second comment in the same second")
  void facebookMarker() {
    JsonObject post = new JsonObject().put("updated_time", "2026-12-01T15:33:38+0000")
        .put("comments", new JsonObject().put("summary", new JsonObject().put("total_count", 3)));
    String before = MetaSurface.FACEBOOK.marker(post);
    post.getJsonObject("comments").getJsonObject("summary").put("total_count", 4);
    assertNotEquals(before, MetaSurface.FACEBOOK.marker(post));
  }
}
