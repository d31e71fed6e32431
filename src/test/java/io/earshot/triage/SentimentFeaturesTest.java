package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the sentiment model's word features")
class SentimentFeaturesTest {
  private static final FeatureReader READER = new FeatureReader(Lexicon.standard(), CareRules.standard(), Set.of());

  private static List<String> words(String text) {
    SentimentFeatures f = READER.read(text).features();
    return Arrays.asList(f.words).subList(0, f.wordCount);
  }

  @Test
  @DisplayName("read the words a negator governs as words of their own, beside the plain words")
  void negatedWords() {
    List<String> w = words("@brand my parcel has not arrived and no reply");
    assertTrue(w.containsAll(List.of("arrived", "not:arrived", "not:reply", "reply")), w.toString());
    assertFalse(w.contains("not:parcel"), w.toString());
  }

  @Test
  @DisplayName("end a negator's scope after three words and at 'but'")
  void negationScope() {
    List<String> w = words("it did not really seem to matter but works fine");
    assertTrue(w.containsAll(List.of("not:really", "not:seem", "not:to")), w.toString());
    assertFalse(w.contains("not:matter"), w.toString());
    assertFalse(w.contains("not:works"), w.toString());
  }

  @Test
  @DisplayName("leave handles out of negated words, as they are of plain words")
  void handlesStayOut() {
    List<String> w = words("not @brand again");
    assertTrue(w.contains("not:again"), w.toString());
    assertTrue(w.stream().noneMatch(x -> x.contains("@") || x.equals("not:")), w.toString());
  }
}
