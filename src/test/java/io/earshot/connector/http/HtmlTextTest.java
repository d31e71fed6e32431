package io.earshot.connector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  @DisplayName("paragraphs and line breaks become newlines, mention links become their text")
  void structure() {
    assertEquals("@brand hello\nworld\n\nsecond",
        HtmlText.toPlain("<p><span class=\"h-card\"><a href=\"https://x.example/@brand\" class=\"u-url mention\">"
            + "@<span>brand</span></a></span> hello<br>world</p><p>second</p>"));
  }

  @Test
  @DisplayName("entities are decoded exactly once, so escaped markup stays visible text")
  void entitiesOnce() {
    assertEquals("a & b <c> \"d\" 'e' &lt;", HtmlText.toPlain("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27; &amp;lt;"));
  }

  @Test
  @DisplayName("hostile numeric entities become U+FFFD instead of invalid Unicode")
  void invalidCodePoints() {
    assertEquals("x\uFFFDy\uFFFDz\uFFFD", HtmlText.toPlain("x&#xD800;y&#99999999999;z&#0;"));
    assertEquals("😀", HtmlText.toPlain("&#x1F600;"));
  }

  @Test
  @DisplayName("unknown named entities are left as written; tags are dropped, script contents with them")
  void unknownAndTags() {
    assertEquals("&bogus; said", HtmlText.toPlain("&bogus; <script>alert(1)</script>said"));
    assertEquals("", HtmlText.toPlain(null));
  }

  @Test
  @DisplayName("Mastodon's shortened links read whole, hashtags keep their #, quote lines stay their own paragraph")
  void mastodonShapes() {
    String html = "<p>see <a href=\"https://help.example.com/orders/123456789\" rel=\"nofollow noopener\">"
        + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">help.example.com/orders/12</span>"
        + "<span class=\"invisible\">3456789</span></a> <a href=\"https://m.example/tags/outage\" "
        + "class=\"mention hashtag\" rel=\"tag\">#<span>outage</span></a></p>"
        + "<p class=\"quote-inline\">RE: <a href=\"https://m.example/@brand/1\">m.example/@brand/1</a></p>";
    assertEquals("see https://help.example.com/orders/123456789 #outage\n\nRE: m.example/@brand/1", HtmlText.toPlain(html));
  }

  @Test
  @DisplayName("X's escaped text is decoded once and markup in it stays text")
  void xUnescape() {
    assertEquals("Q&A <b>now</b> &amp;", HtmlText.unescape("Q&amp;A &lt;b&gt;now&lt;/b&gt; &amp;amp;"));
  }
}
