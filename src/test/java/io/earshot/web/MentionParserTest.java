package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.error.ApiException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a normalized mention")
class MentionParserTest {

  private static JsonObject valid() {
    return new JsonObject().put("platform", "x").put("externalId", 1861234567890123456L)
        .put("author", new JsonObject().put("id", "42").put("handle", "ann").put("followers", 10))
        .put("text", "@brand hello").put("createdAt", "2026-11-24T08:15:00+01:00");
  }

  @Test
  @DisplayName("numeric platform ids and offset dates are accepted and normalized")
  void normalizes() {
    Mention m = MentionParser.parse(valid());
    assertEquals(Platform.X, m.platform());
    assertEquals("1861234567890123456", m.externalId());
    assertEquals("x:1861234567890123456", m.id());
    assertEquals("2026-11-24T07:15:00Z", m.createdAt().toString());
  }

  @Test
  @DisplayName("each bad field is named")
  void namesFields() {
    assertField("platform", valid().put("platform", "friendster"));
    assertField("externalId", valid().put("externalId", " "));
    assertField("author", valid().put("author", "ann"));
    assertField("author.followers", valid().put("author", new JsonObject().put("id", "1").put("followers", -5)));
    assertField("text", valid().put("text", 42));
    assertField("createdAt", valid().put("createdAt", "24/11/2026"));
    assertField("url", valid().put("url", "javascript:alert(1)"));
  }

  @Test
  @DisplayName("NUL characters are dropped, everything else is kept")
  void dropsNul() {
    assertEquals("a\u200bb", MentionParser.parse(valid().put("text", "a\u0000\u200bb")).text());
  }

  private static void assertField(String field, JsonObject json) {
    var e = assertThrows(ApiException.Invalid.class, () -> MentionParser.parse(json));
    assertEquals(field, e.field());
  }
}
