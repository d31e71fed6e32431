package io.earshot.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.ReplyCheck;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Meta's rules for a comment reply")
class MetaReplyRulesTest {
  private static String tags(int n) {
    StringBuilder b = new StringBuilder("Thanks!");
    for (int i = 0; i < n; i++) {
      b.append(" #tag").append(i);
    }
    return b.toString();
  }

  private static Mention comment(String id, String parent, String root) {
    return Mention.incoming(Platform.INSTAGRAM, "acme", id, new Author("1", "c", "C", 0, false), "hi",
        Instant.now(), parent, null, null, Map.of("threadRoot", root, "postId", "p"));
  }

  @Test
  @DisplayName("Instagram takes 30 hashtags and 5 @mentions in a comment, not 31 or 6; Facebook does not count them")
  void instagramCounts() {
    assertTrue(MetaReplyRules.check(MetaSurface.INSTAGRAM, tags(30), null).ok());
    ReplyCheck tooMany = MetaReplyRules.check(MetaSurface.INSTAGRAM, tags(31), null);
    assertFalse(tooMany.ok());
    assertEquals("has 31 hashtags; Instagram allows 30 in a comment", tooMany.message());
    assertTrue(MetaReplyRules.check(MetaSurface.INSTAGRAM, "@a @b @c @d @e thanks", null).ok());
    assertEquals("mentions 6 accounts; Instagram allows 5 in a comment",
        MetaReplyRules.check(MetaSurface.INSTAGRAM, "@a @b @c @d @e @f thanks", null).message());
    assertTrue(MetaReplyRules.check(MetaSurface.FACEBOOK, tags(40), null).ok());
    assertTrue(MetaReplyRules.check(MetaSurface.INSTAGRAM, "mail help@acme.com or call &#35;1", null).ok(),
        "an address and an entity are no mention or hashtag");
  }

  @Test
  @DisplayName("characters count as code points: 8,000 on Facebook, 2,200 on Instagram")
  void lengths() {
    assertTrue(MetaReplyRules.check(MetaSurface.FACEBOOK, "😀".repeat(8_000), null).ok());
    assertEquals(8_001, MetaReplyRules.check(MetaSurface.FACEBOOK, "x".repeat(8_001), null).length());
    assertFalse(MetaReplyRules.check(MetaSurface.INSTAGRAM, "x".repeat(2_201), null).ok());
  }

  @Test
  @DisplayName("a link is a note on Instagram (not clickable, may be hidden as spam), nothing on Facebook; it never refuses")
  void links() {
    ReplyCheck ig = MetaReplyRules.check(MetaSurface.INSTAGRAM, "See acme.com/help for the steps", null);
    assertTrue(ig.ok());
    assertEquals(1, ig.notes().size());
    assertTrue(ig.notes().get(0).startsWith("Instagram does not make links"), ig.notes().toString());
    assertEquals(List.of(), MetaReplyRules.check(MetaSurface.FACEBOOK, "See https://acme.com/help", null).notes());
    assertEquals(List.of(), MetaReplyRules.check(MetaSurface.INSTAGRAM, "Sorry about that!", null).notes());
  }

  @Test
  @DisplayName("answering a reply says the reply goes under the top-level comment; answering the top-level comment says nothing")
  void oneLevel() {
    ReplyCheck nested = MetaReplyRules.check(MetaSurface.FACEBOOK, "On it", comment("c2", "c1", "c1"));
    assertTrue(nested.ok());
    assertTrue(nested.notes().get(0).startsWith("Facebook shows one level of replies"), nested.notes().toString());
    assertEquals(List.of(), MetaReplyRules.check(MetaSurface.FACEBOOK, "On it", comment("c1", null, "c1")).notes());
  }
}
