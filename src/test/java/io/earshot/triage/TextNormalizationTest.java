package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("text normalization")
class TextNormalizationTest {
  static final Tokenizer TOKENIZER = new Tokenizer(Lexicon.standard(),
      new HashtagSegmenter(Set.of("worst", "flight", "ever", "never", "again", "customer", "service")),
      new WordTable(Lexicon.standard(), null));

  static List<String> words(String text) {
    Tokens t = TOKENIZER.tokenize(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      if (!t.has(i, Tokens.SKIP)) {
        out.add(t.word(i));
      }
    }
    return out;
  }

  @Test
  @DisplayName("HTML entities are decoded: '&gt;' is not read as a word, '&amp;' is '&'")
  void entities() {
    assertEquals("a > b & c's \u2764", TextNormalizer.normalize("a &gt; b &amp; c&#39;s &#x2764;", 1000));
    assertEquals(List.of("delayed", "cancelled"), words("delayed &amp; cancelled"));
    assertEquals("&unknown; & more", TextNormalizer.normalize("&unknown; & more", 1000));
  }

  @Test
  @DisplayName("a BOM, zero-width characters and bidi marks neither hide nor split words")
  void invisibleCharacters() {
    assertEquals(List.of("terrible", "service"), words("\uFEFFter\u200Brible \u200Fservice\u202C"));
    assertEquals(SentimentLabel.NEGATIVE, score("\u200E@airline ter\u200Drible ser\u00ADvice, awful").label());
    String plain = "nothing to change here";
    assertSame(plain, TextNormalizer.normalize(plain, 1000));
  }

  @Test
  @DisplayName("vertical tabs and form feeds separate words like spaces")
  void layoutControls() {
    assertEquals(List.of("still", "waiting", "for", "my", "refund"), words("still\u000Bwaiting\u000Cfor my refund"));
  }

  @Test
  @DisplayName("a handle is a handle anywhere, also after a dot or a bracket: '.@united'")
  void handlesAnywhere() {
    Tokens t = TOKENIZER.tokenize(".@united where is my bag (@united_help)");
    assertTrue(t.startsWithMention);
    assertEquals(List.of("where", "is", "my", "bag"), words(".@united where is my bag (@united_help)"));
  }

  @Test
  @DisplayName("run-together hashtags are split into known words; unknown ones stay whole")
  void hashtags() {
    assertEquals(List.of("worst", "flight", "ever"), words("#worstflightever"));
    assertEquals(List.of("never", "again", "customer", "service"), words("#NeverAgain #customerservice"));
    assertEquals(List.of("sxsw2011"), words("#sxsw2011"));
  }

  @Test
  @DisplayName("elongations and emoji are read: 'sooo gooood', '😡'")
  void elongationsAndEmoji() {
    assertEquals(List.of("soo", "good"), words("sooo gooood")); // "soo" is a known booster
    assertEquals(List.of("\uD83D\uDE21"), words("\uD83D\uDE21\uD83C\uDFFB"));
  }

  @Test
  @DisplayName("text past the limit is not read, and an emoji is never cut in half")
  void limit() {
    String s = "a".repeat(9) + "\uD83D\uDE21";
    assertEquals("a".repeat(9), TextNormalizer.normalize(s, 10));
    assertFalse(TextNormalizer.normalize(s, 11).isEmpty());
  }

  @Test
  @DisplayName("lemmas let 'flights', 'canceled' and 'attendants' match 'flight', 'cancel' and 'attendant'")
  void lemmas() {
    assertEquals(Lemmas.of("flight"), Lemmas.of("flights"));
    assertEquals(Lemmas.of("cancel"), Lemmas.of("canceled"));
    assertEquals(Lemmas.of("cancel"), Lemmas.of("cancelled"));
    assertEquals(Lemmas.of("attendant"), Lemmas.of("attendants"));
    assertEquals(Lemmas.of("charge"), Lemmas.of("charged"));
    assertEquals(Lemmas.of("delay"), Lemmas.of("delays"));
  }
}
