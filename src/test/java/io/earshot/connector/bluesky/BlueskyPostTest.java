package io.earshot.connector.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlueskyPostTest {

  @Test
  @DisplayName("facet ranges are UTF-8 byte offsets, past multi-byte characters")
  void byteOffsets() {
    String text = "日本 @ann.bsky.social see https://a.example/x!";
    JsonArray facets = BlueskyPost.facets(text, Map.of("ann.bsky.social", "did:plc:ann"));
    JsonObject link = facets.getJsonObject(0).getJsonObject("index");
    JsonObject mention = facets.getJsonObject(1).getJsonObject("index");
    assertEquals(7, mention.getInteger("byteStart"), "two CJK characters are six bytes, plus a space");
    assertEquals(7 + 16, mention.getInteger("byteEnd"));
    assertEquals(7 + 16 + 5, link.getInteger("byteStart"));
    assertEquals(7 + 16 + 5 + 19, link.getInteger("byteEnd"), "trailing punctuation is not part of the link");
    assertEquals("https://a.example/x", facets.getJsonObject(0).getJsonArray("features").getJsonObject(0).getString("uri"));
  }

  @Test
  @DisplayName("handles without a known DID get no mention facet")
  void unknownHandles() {
    assertEquals(0, BlueskyPost.facets("thanks @bob.example.com", Map.of()).size());
  }

  @Test
  @DisplayName("the limit is 300 graphemes and 3,000 bytes, whichever bites first")
  void limits() {
    assertTrue(BlueskyPost.check("a".repeat(300)).ok());
    assertFalse(BlueskyPost.check("a".repeat(301)).ok());
    assertEquals(300, BlueskyPost.check("🇫🇷".repeat(300)).length());
    assertTrue(BlueskyPost.check("🇫🇷".repeat(300)).ok(), "300 flags are 2,400 bytes");
    assertFalse(BlueskyPost.check("👩‍💻".repeat(280)).ok(), "280 technologists are 3,080 bytes");
  }
}
