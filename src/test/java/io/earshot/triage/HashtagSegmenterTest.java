package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("hashtag segmentation")
class HashtagSegmenterTest {
  private static final HashtagSegmenter SEGMENTER = new HashtagSegmenter(Set.of(
      "go", "to", "work", "no", "way", "worst", "flight", "ever", "never", "again", "an", "other",
      "another", "day", "can't", "wait"));

  @Test
  @DisplayName("the fewest words win, ties to the longest first word; two- and one-letter words count")
  void fewestWords() {
    assertEquals(List.of("go", "to", "work"), SEGMENTER.split("gotowork"));
    assertEquals(List.of("worst", "flight", "ever"), SEGMENTER.split("worstflightever"));
    assertEquals(List.of("another", "day"), SEGMENTER.split("anotherday"));
    assertEquals(List.of("i", "can't", "wait"), SEGMENTER.split("ican'twait"));
    assertEquals(List.of("never", "a", "day"), SEGMENTER.split("neveraday"));
  }

  @Test
  @DisplayName("a tag that known words cannot cover entirely, a known word and a short tag stay whole")
  void staysWhole() {
    assertNull(SEGMENTER.split("nowayjose"));
    assertNull(SEGMENTER.split("another"));
    assertNull(SEGMENTER.split("noway"));
    assertNull(SEGMENTER.split("x".repeat(HashtagSegmenter.MAX_LENGTH + 1)));
  }
}
