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
    JsonArray facets = BlueskyFacets.of(text, Map.of("ann.bsky.social", "did:plc:ann"));
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
    assertEquals(0, BlueskyFacets.of("thanks @bob.example.com", Map.of()).size());
  }

  @Test
  @DisplayName("a bare domain with a known TLD links to https, but not inside a URL, a handle or an e-mail address")
  void bareDomains() {
    JsonArray facets = BlueskyFacets.of("see acme.com/help, mail help@acme.com or @acme.bsky.social at https://acme.com/x",
        Map.of());
    assertEquals(2, facets.size(), facets.encode());
    JsonObject bare = facets.stream().map(JsonObject.class::cast)
        .filter(f -> f.getJsonArray("features").getJsonObject(0).getString("uri").equals("https://acme.com/help"))
        .findFirst().orElseThrow();
    assertEquals(4, bare.getJsonObject("index").getInteger("byteStart"));
    assertEquals(4 + "acme.com/help".length(), bare.getJsonObject("index").getInteger("byteEnd"), "the comma is not linked");
    assertEquals(0, BlueskyFacets.of("version 2.0 of file.txt", Map.of()).size(), "no TLD, no link");
  }

  @Test
  @DisplayName("every handle in the text is found for resolving, in lower case")
  void handlesToResolve() {
    assertEquals(java.util.Set.of("ann.bsky.social", "acme.com"),
        BlueskyFacets.handles("hi @Ann.bsky.social, ask @acme.com (not mail@x.com)"));
  }

  @Test
  @DisplayName("a reply's language is its own: scripts used by one language, or clear function words; else none")
  void replyLanguage() {
    assertEquals(java.util.Optional.of("en"), ReplyLanguage.of("Sorry about that, we are on it and will update you"));
    assertEquals(java.util.Optional.of("es"), ReplyLanguage.of("Lo sentimos, estamos revisando su pedido"));
    assertEquals(java.util.Optional.of("ja"), ReplyLanguage.of("ご迷惑をおかけしました"));
    assertEquals(java.util.Optional.empty(), ReplyLanguage.of("OK 👍"), "too little to tell");
    assertEquals(java.util.Optional.empty(), ReplyLanguage.of("Спасибо, мы уже работаем"), "Cyrillic is several languages");
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
