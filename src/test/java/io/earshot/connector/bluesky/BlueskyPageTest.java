package io.earshot.connector.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.PollResult;
import io.earshot.domain.Mention;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlueskyPageTest {
  private static final String T1 = "2025-03-01T10:00:00.000Z";
  private static final String T2 = "2025-03-01T10:00:05.000Z";

  private static JsonObject mention(String rkey, String indexedAt) {
    return new JsonObject().put("uri", "at://did:plc:c/app.bsky.feed.post/" + rkey).put("cid", "bafy" + rkey)
        .put("reason", "mention").put("indexedAt", indexedAt)
        .put("author", new JsonObject().put("did", "did:plc:c").put("handle", "c.bsky.social"))
        .put("record", new JsonObject().put("text", "hi " + rkey).put("createdAt", indexedAt));
  }

  private static PollResult read(String cursor, String platformCursor, JsonObject... items) {
    JsonObject body = new JsonObject().put("notifications", new JsonArray(List.of((Object[]) items)));
    if (platformCursor != null) {
      body.put("cursor", platformCursor);
    }
    return new BlueskyPage("acct", BlueskyCursor.decode(cursor)).read(body);
  }

  private static List<String> texts(PollResult page) {
    return page.mentions().stream().map(Mention::text).toList();
  }

  @Test
  @DisplayName("a notification sharing the high-water instant with a stored one is still new")
  void tiesAtTheMark() {
    PollResult first = read(null, null, mention("b", T2), mention("a", T1));
    assertEquals(List.of("hi a", "hi b"), texts(first), "oldest first");

    PollResult second = read(first.nextCursor(), "older", mention("c", T2), mention("b", T2), mention("a", T1));
    assertEquals(List.of("hi c"), texts(second));
    assertFalse(second.more(), "meeting the mark ends the walk even though older pages exist");
  }

  @Test
  @DisplayName("a full page above the mark keeps walking down; the mark moves only when the walk ends")
  void walkDown() {
    PollResult base = read(null, null, mention("a", T1));
    PollResult top = read(base.nextCursor(), "p2", mention("d", "2025-03-01T10:00:09Z"), mention("c", T2));
    assertTrue(top.more());
    assertEquals("p2", BlueskyCursor.decode(top.nextCursor()).page());
    assertEquals(BlueskyCursor.decode(base.nextCursor()).seenAt(), BlueskyCursor.decode(top.nextCursor()).seenAt());

    PollResult rest = read(top.nextCursor(), "p3", mention("b", "2025-03-01T10:00:01Z"), mention("a", T1));
    assertEquals(List.of("hi b"), texts(rest));
    assertFalse(rest.more());
    assertEquals("2025-03-01T10:00:09Z", BlueskyCursor.decode(rest.nextCursor()).seenAt().toString());
  }

  @Test
  @DisplayName("likes and follows are ignored without counting as malformed; broken records are counted")
  void reasons() {
    JsonObject like = mention("l", T2).put("reason", "like");
    JsonObject broken = mention("x", T2);
    broken.getJsonObject("record").remove("text");
    PollResult page = read(null, null, like, broken, mention("a", T1));
    assertEquals(List.of("hi a"), texts(page));
    assertEquals(1, page.skippedMalformed());
  }
}
