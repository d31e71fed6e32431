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

  static Triage score(String text) {
    return ENGINE.score(ScoringInput.ofText(text));
  }

  @Test
  @DisplayName("a negator flips the word it governs: 'not good' is negative")
  void negation() {
    assertTrue(score("The food is good").sentiment() > 0.05);
    Triage t = score("The food is not good");
    assertEquals(SentimentLabel.NEGATIVE, t.label());
    assertTrue(t.cues().contains("negation: not good"), t.cues().toString());
  }

  @Test
  @DisplayName("a negator's scope ends at the next opinion word")
  void negationScope() {
    assertTrue(score("Don't worry, happy days").sentiment() > 0.3);
  }

  @Test
  @DisplayName("the clause after 'but' outweighs the clause before it")
  void butClause() {
    assertTrue(score("The food was good but the service was terrible").sentiment() < 0);
    assertTrue(score("The service was terrible but the food was good").sentiment() > 0);
  }

  @Test
  @DisplayName("shouting one word among lower-case words makes it stronger")
  void caps() {
    double plain = score("this is great news").sentiment();
    double shouted = score("this is GREAT news").sentiment();
    assertTrue(shouted > plain, shouted + " vs " + plain);
  }

  @Test
  @DisplayName("intensifiers strengthen and dampeners weaken")
  void boosters() {
    double plain = score("the app is good").sentiment();
    assertTrue(score("the app is extremely good").sentiment() > plain);
    assertTrue(score("the app is slightly good").sentiment() < plain);
  }

  @Test
  @DisplayName("exclamation marks amplify the direction already there")
  void punctuation() {
    assertTrue(score("I love it!!!").sentiment() > score("I love it").sentiment());
  }

  @Test
  @DisplayName("stretched words count as the word, with emphasis")
  void elongation() {
    assertTrue(score("soooo goooood").sentiment() > score("so good").sentiment() - 0.01);
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
    assertEquals(0.0, t.sentiment(), 1e-9);
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
