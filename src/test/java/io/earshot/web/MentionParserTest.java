package io.earshot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.error.DomainError;
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
  @DisplayName("dates are accepted from 2000 up to 2100, and refused outside, naming createdAt")
  void dateRange() {
    assertEquals("2000-01-01T00:00:00Z", MentionParser.parse(valid().put("createdAt", "2000-01-01T00:00:00Z")).createdAt().toString());
    var huge = assertThrows(DomainError.Invalid.class,
        () -> MentionParser.parse(valid().put("createdAt", "+999999999-12-31T23:59:59Z")));
    assertEquals("createdAt", huge.field());
    assertTrue(huge.getMessage().contains("outside the accepted range 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z"));
    assertField("createdAt", valid().put("createdAt", "1999-12-31T23:59:59Z"));
    assertField("createdAt", valid().put("createdAt", "2100-01-01T00:00:00Z"));
  }

  @Test
  @DisplayName("a lone surrogate in any string field is refused, naming the field; a whole pair is kept")
  void loneSurrogates() {
    assertField("externalId", valid().put("externalId", "a\ud800"));
    assertField("author.id", valid().put("author", new JsonObject().put("id", "\udbff")));
    assertField("author.handle", valid().put("author", new JsonObject().put("id", "1").put("handle", "h\udc00")));
    assertField("author.name", valid().put("author", new JsonObject().put("id", "1").put("name", "\ud83d!")));
    assertField("text", valid().put("text", "half \ud83d emoji"));
    assertField("inReplyTo", valid().put("inReplyTo", "p\ud800"));
    assertField("url", valid().put("url", "https://x.test/\udfff"));
    assertField("lang", valid().put("lang", "e\udc01"));
    assertEquals("whole \ud83d\ude00", MentionParser.parse(valid().put("text", "whole \ud83d\ude00")).text());
  }

  @Test
  @DisplayName("control characters in ids and handles are refused; in text, line breaks and tabs are the author's")
  void controlCharacters() {
    assertField("externalId", valid().put("externalId", "a\u0000b"));
    assertField("author.id", valid().put("author", new JsonObject().put("id", "a\u007fb")));
    assertField("author.handle", valid().put("author", new JsonObject().put("id", "1").put("handle", "a\nb")));
    assertField("inReplyTo", valid().put("inReplyTo", "a\u0085"));
    assertEquals("one\ntwo\tthree", MentionParser.parse(valid().put("text", "one\ntwo\tthree")).text());
  }

  @Test
  @DisplayName("ids and handles are at most 256 characters")
  void lengthLimits() {
    assertEquals(256, MentionParser.parse(valid().put("externalId", "x".repeat(256))).externalId().length());
    assertField("externalId", valid().put("externalId", "x".repeat(257)));
    assertField("author.id", valid().put("author", new JsonObject().put("id", "x".repeat(257))));
    assertField("author.handle", valid().put("author", new JsonObject().put("id", "1").put("handle", "h".repeat(257))));
  }

  @Test
  @DisplayName("NUL characters are dropped, everything else is kept")
  void dropsNul() {
    assertEquals("a\u200bb", MentionParser.parse(valid().put("text", "a\u0000\u200bb")).text());
  }

  @Test
  @DisplayName("brand is optional, read as given when it has the shape of a brand id, and refused naming brand otherwise")
  void brand() {
    assertEquals(null, MentionParser.parse(valid()).brand(), "no brand: the pipeline gives it the default brand");
    assertEquals("tallycloud", MentionParser.parse(valid().put("brand", "tallycloud")).brand());
    for (Object bad : new Object[] {"TallyCloud", "by-handle", "tally cloud", 42, "", "x".repeat(65)}) {
      assertField("brand", valid().put("brand", bad));
    }
  }

  private static void assertField(String field, JsonObject json) {
    var e = assertThrows(DomainError.Invalid.class, () -> MentionParser.parse(json));
    assertEquals(field, e.field());
  }
}
