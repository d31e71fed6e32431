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
  @DisplayName("leave the classes as they come at class balance 0")
  void off() {
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

  @Test
  @DisplayName("balance the classes within each source, so each source keeps its total weight")
  void perSource() {
    List<Corpus.Sample> mixed = new ArrayList<>(samples());
    mixed.add(new Corpus.Sample("care", "late again", SentimentLabel.NEGATIVE, 0, List.of()));
    mixed.add(new Corpus.Sample("care", "thanks", SentimentLabel.POSITIVE, 0, List.of()));
    ModelTrainer trainer = new ModelTrainer(DEFAULTS.withClassBalance(1), null, null);
    Map<String, Map<SentimentLabel, Double>> w = trainer.classWeightsBySource(mixed,
        Map.of("tweeteval", 1.0, "care", 1.0));
    assertEquals(1.0, w.get("care").get(SentimentLabel.NEGATIVE), 1e-9);
    assertEquals(1.0, w.get("care").get(SentimentLabel.POSITIVE), 1e-9);
    assertEquals(weights(1), w.get("tweeteval"));
  }

  @Test
  @DisplayName("weigh a crowd label by its judges' agreement, and a label without judges fully")
  void agreement() {
    ModelTrainer trainer = new ModelTrainer(DEFAULTS, null, null);
    Corpus.Sample split = new Corpus.Sample("apple", "hm", SentimentLabel.NEUTRAL, 0, List.of(), null, 0.5);
    Corpus.Sample care = new Corpus.Sample("care", "hm", SentimentLabel.NEUTRAL, 0, List.of());
    assertEquals(Math.pow(0.5, DEFAULTS.agreementPower()), trainer.agreementWeight(split), 1e-9);
    assertEquals(1.0, trainer.agreementWeight(care), 1e-9);
    assertEquals(0.6264, Corpus.agreement(" 0.6264 "), 1e-9);
    assertEquals(1.0, Corpus.agreement(""), 1e-9);
  }
}
