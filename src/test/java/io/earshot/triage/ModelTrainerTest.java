package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the model trainer's example weights")
class ModelTrainerTest {
  private static final ModelTrainer.Settings DEFAULTS = ModelTrainer.Settings.defaults();

  /** 6 neutral, 3 positive and 1 negative post from one source. */
  private static List<Corpus.Sample> samples() {
    List<Corpus.Sample> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      SentimentLabel label = i < 6 ? SentimentLabel.NEUTRAL : i < 9 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
      out.add(new Corpus.Sample("tweeteval", "post " + i, label, 0, List.of()));
    }
    return out;
  }

  private static Map<SentimentLabel, Double> weights(double classBalance) {
    ModelTrainer trainer = new ModelTrainer(DEFAULTS.withClassBalance(classBalance), null, null);
    return trainer.classWeights(samples(), Map.of("tweeteval", 1.0));
  }

  @Test
  @DisplayName("leave the classes as they come at class balance 0, the shipped setting")
  void off() {
    assertEquals(0.0, DEFAULTS.classBalance());
    weights(0).values().forEach(w -> assertEquals(1.0, w, 1e-9));
  }

  @Test
  @DisplayName("make every class weigh the same at class balance 1, keeping the mean weight 1")
  void balanced() {
    Map<SentimentLabel, Double> w = weights(1);
    assertEquals(6 * w.get(SentimentLabel.NEUTRAL), 1 * w.get(SentimentLabel.NEGATIVE), 1e-9);
    assertEquals(6 * w.get(SentimentLabel.NEUTRAL), 3 * w.get(SentimentLabel.POSITIVE), 1e-9);
    double mean = (6 * w.get(SentimentLabel.NEUTRAL) + 3 * w.get(SentimentLabel.POSITIVE)
        + w.get(SentimentLabel.NEGATIVE)) / 10;
    assertEquals(1.0, mean, 1e-9);
  }
}
