package io.earshot.connector.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.ReplyCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What Threads allows in a reply")
class ThreadsReplyRulesTest {
  @Test
  @DisplayName("500 characters fit and 501 do not; accented letters count one each")
  void fiveHundred() {
    assertTrue(ThreadsReplyRules.check("é".repeat(500)).ok());
    ReplyCheck over = ThreadsReplyRules.check("a".repeat(501));
    assertFalse(over.ok());
    assertEquals(501, over.length());
    assertEquals(500, over.limit());
  }

  @Test
  @DisplayName("an emoji counts as its UTF-8 bytes: 125 thumbs-up fill the 500, one more does not fit")
  void emojiAreBytes() {
    assertEquals(4, ThreadsReplyRules.length("👍"));
    assertEquals(7, ThreadsReplyRules.length("ok 👍"));
    assertTrue(ThreadsReplyRules.check("👍".repeat(125)).ok());
    assertFalse(ThreadsReplyRules.check("👍".repeat(126)).ok());
  }

  @Test
  @DisplayName("more than five distinct links are refused; the same link twice is one")
  void links() {
    String five = "https://a.example/1 https://a.example/2 https://a.example/3 https://a.example/4 www.b.example";
    assertTrue(ThreadsReplyRules.check(five + " https://a.example/1").ok());
    ReplyCheck six = ThreadsReplyRules.check(five + " https://c.example");
    assertFalse(six.ok());
    assertTrue(six.message().contains("6 links"), six.message());
  }

  @Test
  @DisplayName("a second hashtag is a note, never a refusal: only the first becomes a topic tag")
  void hashtags() {
    ReplyCheck two = ThreadsReplyRules.check("Fixed now #support #status");
    assertTrue(two.ok());
    assertEquals(1, two.notes().size());
    assertTrue(ThreadsReplyRules.check("Fixed now #support").notes().isEmpty());
  }
}
