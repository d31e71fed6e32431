package io.earshot.demo.emulator.bluesky;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Bluesky emulator checks post records against the app.bsky.feed.post lexicon")
class PostLexiconTest {
  private static JsonObject post(String text) {
    return new JsonObject().put("$type", "app.bsky.feed.post").put("text", text).put("createdAt", "2026-11-01T06:30:00.000Z");
  }

  private static JsonObject facet(int start, int end, JsonObject feature) {
    return new JsonObject().put("index", new JsonObject().put("byteStart", start).put("byteEnd", end))
        .put("features", new JsonArray().add(feature));
  }

  @Test
  @DisplayName("a well-formed reply with facets and langs passes")
  void valid() {
    JsonObject ref = new JsonObject().put("uri", "at://did:plc:abc/app.bsky.feed.post/3kabc").put("cid", "bafyreiabcdefgh");
    JsonObject r = post("日本 see https://a.example").put("langs", new JsonArray().add("ja").add("en-GB"))
        .put("facets", new JsonArray().add(facet(11, 28, new JsonObject().put("$type", "app.bsky.richtext.facet#link")
            .put("uri", "https://a.example")))).put("reply", new JsonObject().put("root", ref).put("parent", ref));
    assertNull(PostLexicon.problem(r));
  }

  @Test
  @DisplayName("what a PDS refuses is refused: too many langs, a bad tag, char offsets, a range past the text, a bad DID, a weak ref, a local time")
  void invalid() {
    assertTrue(PostLexicon.problem(post("x").put("langs", new JsonArray().add("en").add("es").add("fr").add("de"))).contains("langs"));
    assertTrue(PostLexicon.problem(post("x").put("langs", new JsonArray().add("english!"))).contains("langs/0"));
    assertTrue(PostLexicon.problem(post("日本 @a").put("facets", new JsonArray().add(facet(1, 4,
        new JsonObject().put("$type", "app.bsky.richtext.facet#mention").put("did", "did:plc:a"))))).contains("whole characters"),
        "offset 1 is inside the first CJK character: chars were counted, not bytes");
    assertTrue(PostLexicon.problem(post("hi").put("facets", new JsonArray().add(facet(0, 9,
        new JsonObject().put("$type", "app.bsky.richtext.facet#link").put("uri", "https://x.example"))))).contains("inside the text"));
    assertTrue(PostLexicon.problem(post("hi").put("facets", new JsonArray().add(facet(0, 2,
        new JsonObject().put("$type", "app.bsky.richtext.facet#mention").put("did", "ann.bsky.social"))))).contains("features/0"));
    assertTrue(PostLexicon.problem(post("hi").put("reply", new JsonObject().put("root", new JsonObject().put("uri", "x"))))
        .contains("strong ref"));
    assertTrue(PostLexicon.problem(post("hi").put("createdAt", "2026-11-01T06:30:00")).contains("createdAt"));
  }
}
