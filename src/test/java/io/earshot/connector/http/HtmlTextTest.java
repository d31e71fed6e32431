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
  @DisplayName("unknown named entities are left as written; tags of any kind are dropped")
  void unknownAndTags() {
    assertEquals("&bogus; alert(1)", HtmlText.toPlain("&bogus; <script>alert(1)</script>"));
    assertEquals("", HtmlText.toPlain(null));
  }
}
