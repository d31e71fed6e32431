package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("customer-care sentiment rules")
class CareRulesTest {

  @Test
  @DisplayName("a complaint without any negative word is negative: on hold and still no refund")
  void complaintWithoutNegativeWords() {
    Triage t = score("@brand I've been on hold for an hour and still no refund");
    assertEquals(SentimentLabel.NEGATIVE, t.label());
    assertTrue(t.cues().contains("care: on hold"), t.cues().toString());
    assertTrue(t.cues().contains("care: still no"), t.cues().toString());
  }

  @Test
  @DisplayName("charged twice, never arrived and third time asking read as complaints")
  void moneyDeliveryRepetition() {
    assertEquals(SentimentLabel.NEGATIVE, score("@shop you charged me twice for one order").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@shop my parcel never arrived").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@shop third time asking about my order").label());
  }

  @Test
  @DisplayName("a weak cue alone is not a complaint: 'again' in a happy post stays positive")
  void weakCueNeedsCorroboration() {
    assertEquals(SentimentLabel.POSITIVE, score("Great to see you again, lovely evening").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@isp internet is down again, third time").label());
  }

  @Test
  @DisplayName("thanks inside a complaint is sarcasm or politeness, not praise")
  void sarcasticThanks() {
    Triage t = score("@airline thanks for cancelling my flight and not telling me. great job");
    assertEquals(SentimentLabel.NEGATIVE, t.label(), t.cues().toString());
  }

  @Test
  @DisplayName("praise for an agent is positive")
  void agentPraise() {
    Triage t = score("@bank shoutout to Sam who sorted my card in five minutes");
    assertEquals(SentimentLabel.POSITIVE, t.label());
    assertTrue(t.cues().contains("care: shoutout"), t.cues().toString());
  }

  @Test
  @DisplayName("a plain question to the brand is neutral even with friendly words in it")
  void helpRequestIsNeutral() {
    assertEquals(SentimentLabel.NEUTRAL, score("@bank hi, can you help me add a joint account holder?").label());
    assertEquals(SentimentLabel.NEUTRAL, score("@telco does the family plan include free roaming? thanks").label());
  }

  @Test
  @DisplayName("customer service is a department, not an opinion")
  void serviceVocabulary() {
    assertEquals(SentimentLabel.NEUTRAL, score("Calling customer service tomorrow morning").label());
  }

  @Test
  @DisplayName("care phrases are not read in general chatter: 'again and again' in a song post stays positive")
  void careContextOnly() {
    assertEquals(SentimentLabel.POSITIVE,
        score("I like to listen to this album again and again and again").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@isp the internet is down again").label());
    assertEquals(SentimentLabel.NEGATIVE, score("my order still hasn't arrived, third time asking").label());
  }

  @Test
  @DisplayName("'what a nice suit' to someone is an exclamation, not a plain question")
  void exclamationIsNotQuestion() {
    assertEquals(SentimentLabel.POSITIVE, score("@friend what a nice looking suit").label());
  }

  @Test
  @DisplayName("a question about a failure state is a mild complaint: 'why can't I log in?', 'when will my refund arrive?'")
  void failureQuestions() {
    assertEquals(SentimentLabel.NEGATIVE, score("@bank why can't I log in?").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@shop why hasn't my order shipped?").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@airline when will my refund arrive?").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@app is the app down?").label());
  }

  @Test
  @DisplayName("a neutral how-to question to a brand stays neutral")
  void howToStaysNeutral() {
    assertEquals(SentimentLabel.NEUTRAL, score("@telco how do I change my plan?").label());
    assertEquals(SentimentLabel.NEUTRAL, score("@bank when will the interest be paid on my savings?").label());
  }

  @Test
  @DisplayName("a thing that fails to do its job is a complaint: 'my phone won't connect', 'I can't change the password'")
  void failingThings() {
    assertEquals(SentimentLabel.NEGATIVE, score("@telco the router won't connect since the update").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@stream someone is using my account and I can't change the password").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@bank my account is locked").label());
  }

  @Test
  @DisplayName("an exclaimed 'thanks!' is warm, so a lone weak cue after it is no complaint")
  void exclaimedThanks() {
    assertEquals(SentimentLabel.POSITIVE, score("@friend thanks! see you again next week").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@isp thanks, the internet dropped again").label());
  }

  @Test
  @DisplayName("a service word is not warmth: 'gift card balance disappeared' is a complaint")
  void serviceWordsAreNotWarm() {
    assertEquals(SentimentLabel.NEGATIVE, score("@shop gift card balance disappeared after I used it once").label());
  }

  @Test
  @DisplayName("slowness and silence are complaints: 'my internet is so slow', 'how much longer do I have to wait?'")
  void slownessAndSilence() {
    assertEquals(SentimentLabel.NEGATIVE, score("@isp my internet is so slow").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@brand how much longer do I have to wait?").label());
    assertEquals(SentimentLabel.NEGATIVE, score("@brand anyone there?").label());
    assertEquals(SentimentLabel.NEUTRAL, score("@brand do you ship to Canada?").label());
  }
}
