package io.earshot.demo.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoTextsTest {
  private static final MentionCorpus CORPUS = MentionCorpus.load();

  @Test
  @DisplayName("demo posts are varied, fully expanded and address the platform's brand handle, not a sandbox brand")
  void variedExpandedAndAddressedToTheGivenHandle() {
    DemoTexts texts = new DemoTexts(CORPUS, "airline", "BrandSupport", new SplittableRandom(7));
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String text = texts.next();
      assertFalse(text.isBlank());
      assertFalse(text.contains("{"), "every slot is filled: " + text);
      assertFalse(text.contains("@NimbusAir"), "the sandbox's own airline is not addressed: " + text);
      distinct.add(text);
    }
    assertTrue(distinct.size() > 120, "no short fixed list: " + distinct.size() + " distinct of 200");
    assertTrue(distinct.stream().anyMatch(t -> t.contains("@BrandSupport")), "the brand slot is the given handle");
  }

  @Test
  @DisplayName("the same seed gives the same demo stream")
  void seeded() {
    DemoTexts a = new DemoTexts(CORPUS, "software", "brand", new SplittableRandom(3));
    DemoTexts b = new DemoTexts(CORPUS, "software", "brand", new SplittableRandom(3));
    for (int i = 0; i < 20; i++) {
      assertTrue(a.next().equals(b.next()));
    }
  }
}
