package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("general sentiment rules")
class SentimentRulesTest {
  static final TriageEngine ENGINE = TriageEngine.withDefaults();

  static final FeatureReader RULES = new FeatureReader(Lexicon.standard(), CareRules.standard(), java.util.Set.of());

  static Triage score(String text) {
    return ENGINE.score(ScoringInput.ofText(text));
  }

  /** The lexicon and care rules' own -1..1 score: one of the model's inputs, not its verdict. */
  static double rules(String text) {
    return RULES.read(text).reading().compound();
  }

  @Test
  @DisplayName("a negator flips the word it governs: 'not good' is negative")
  void negation() {
    assertEquals(SentimentLabel.POSITIVE, score("The food is good").label());
    Triage t = score("The food is not good");
    assertEquals(SentimentLabel.NEGATIVE, t.label());
    assertTrue(t.cues().stream().anyMatch(c -> c.endsWith("not good")), t.cues().toString());
    assertTrue(rules("The food is not good") < 0);
  }

  @Test
  @DisplayName("rules: a negator's scope ends at the next opinion word")
  void negationScope() {
    assertTrue(rules("Don't worry, happy days") > 0.3);
  }

  @Test
  @DisplayName("rules: the clause after 'but' outweighs the clause before it")
  void butClause() {
    assertTrue(rules("The food was good but the service was terrible") < 0);
    assertTrue(rules("The service was terrible but the food was good") > 0);
  }

  @Test
  @DisplayName("rules: shouting one word among lower-case words makes it stronger")
  void caps() {
    double plain = rules("this is great news");
    double shouted = rules("this is GREAT news");
    assertTrue(shouted > plain, shouted + " vs " + plain);
  }

  @Test
  @DisplayName("rules: intensifiers strengthen and dampeners weaken")
  void boosters() {
    double plain = rules("the app is good");
    assertTrue(rules("the app is extremely good") > plain);
    assertTrue(rules("the app is slightly good") < plain);
  }

  @Test
  @DisplayName("rules: exclamation marks amplify the direction already there")
  void punctuation() {
    assertTrue(rules("I love it!!!") > rules("I love it"));
  }

  @Test
  @DisplayName("stretched words count as the word, with emphasis")
  void elongation() {
    assertTrue(rules("soooo goooood") > rules("so good") - 0.01);
    assertEquals(SentimentLabel.POSITIVE, score("loooove it").label());
  }

  @Test
  @DisplayName("emoji and emoticons carry sentiment on their own")
  void emoji() {
    assertEquals(SentimentLabel.POSITIVE, score("new phone day 😍").label());
    assertEquals(SentimentLabel.NEGATIVE, score("new phone day 😡").label());
    assertEquals(SentimentLabel.POSITIVE, score("see you there :)").label());
  }

  @Test
  @DisplayName("a plain statement is neutral")
  void neutral() {
    Triage t = score("The store opens at nine on Sundays.");
    assertEquals(SentimentLabel.NEUTRAL, t.label());
    assertEquals(0.0, rules("The store opens at nine on Sundays."), 1e-9);
    assertTrue(Math.abs(t.sentiment()) < 0.5, t.toString());
  }

  @Test
  @DisplayName("odd input never throws: null, empty, control bytes, a megabyte of text")
  void oddInput() {
    assertEquals(SentimentLabel.NEUTRAL, ENGINE.score(new ScoringInput(null, null, false, 0, null)).label());
    assertEquals(SentimentLabel.NEUTRAL, score("").label());
    String garbage = "\u0000\u0001\uFFFD\uD800 \u200D\uFE0F\u202E @ # !!! ??? " + (char) 0x7f;
    assertTrue(Math.abs(score(garbage).sentiment()) <= 1.0);
    String huge = "terrible ".repeat(120_000);
    Triage t = score(huge);
    assertTrue(t.sentiment() >= -1.0 && t.priority().value() <= 100);
  }
}
