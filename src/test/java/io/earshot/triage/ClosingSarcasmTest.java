package io.earshot.triage;

import static io.earshot.triage.SentimentRulesTest.score;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.SentimentLabel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("a complaint closed by a word of praise is sarcasm; praise after a fix is praise")
class ClosingSarcasmTest {
  private static final FeatureReader READER =
      new FeatureReader(Lexicon.standard(), CareRules.standard(), SentimentModel.standard());

  private static int sarcasm(String text) {
    return READER.read(text).reading().evidence().sarcasm;
  }

  @ParameterizedTest
  @ValueSource(strings = {"@united no apology? Cool.", "@acme Waited 40 minutes on hold. Lovely.",
      "@acme charged twice for one order. Just great.", "@acme my parcel never arrived. Nice. \uD83D\uDE21",
      "@acme still nothing. Awesome @acme",
      "s/o @apple for this really great charger that works so well! #not",
      "Love waiting in line for three hours #sarcasm"})
  @DisplayName("closing praise after a complaint, or a closing #not or #sarcasm in any text, is sarcasm: the post is negative")
  void sarcastic(String text) {
    assertEquals(1, sarcasm(text), text);
    assertEquals(SentimentLabel.NEGATIVE, score(text).label(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"@acme Had an issue with my card but it was sorted in minutes. Great!",
      "@acme My bag was lost, but the agent found it within an hour. Brilliant.",
      "@acme It works now. Great.", "@acme Is my order shipped? Great.",
      "Waited 40 minutes for the bus. Lovely.", "Great charger, works well, not",
      "#not sure which charger to buy, any tips?"})
  @DisplayName("praise after a fix, a turn or a plain question, outside care text, or before a 'not' that closes no hashtag is not sarcasm")
  void sincere(String text) {
    assertEquals(0, sarcasm(text), text);
  }
}
