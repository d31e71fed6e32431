package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

@DisplayName("the sentiment model")
class SentimentModelTest {
  private static final List<String> TEXTS = List.of(
      "@airline still waiting for my refund, three weeks now",
      "thanks so much, the new app is brilliant!",
      "@bank how do I change my address?",
      "not so mad anymore, the courier finally came",
      "#worstflightever delayed again and no apology. cool.",
      "ok");

  @Test
  @DisplayName("applies the shipped weights exactly as Tribuo's own predict does")
  void sameAsTribuo() throws IOException {
    Model<Label> tribuo = tribuoModel();
    SentimentModel model = SentimentModel.standard();
    FeatureReader reader = new FeatureReader(Lexicon.standard(), CareRules.standard(), model);
    for (String text : TEXTS) {
      SentimentFeatures f = reader.read(text).features();
      Map<String, Label> scores = tribuo.predict(example(f)).getOutputScores();
      double[] expected = SentimentModel.CLASSES.stream()
          .mapToDouble(c -> scores.get(c.code()).getScore()).toArray();
      assertArrayEquals(expected, SentimentModel.calibrate(model.logits(f), 1.0), 1e-9, text);
    }
  }

  @Test
  @DisplayName("features read without the model's ids give the same scores as with them")
  void idsResolvedWhileReading() {
    SentimentModel model = SentimentModel.standard();
    FeatureReader withIds = new FeatureReader(Lexicon.standard(), CareRules.standard(), model);
    FeatureReader byName = new FeatureReader(Lexicon.standard(), CareRules.standard(), model.words());
    for (String text : TEXTS) {
      assertArrayEquals(model.logits(byName.read(text).features()),
          model.logits(withIds.read(text).features()), 1e-12, text);
      assertEquals(model.predict(byName.read(text).features()).label(),
          model.predict(withIds.read(text).features()).label(), text);
    }
  }

  @SuppressWarnings("unchecked")
  private static Model<Label> tribuoModel() throws IOException {
    try (InputStream in = SentimentModel.class.getClassLoader().getResourceAsStream(SentimentModel.MODEL_RESOURCE)) {
      return (Model<Label>) Model.deserializeFromStream(in);
    }
  }

  /** The Tribuo example training builds for these features (see ModelTrainer.addFeatures). */
  private static ArrayExample<Label> example(SentimentFeatures f) {
    ArrayExample<Label> example = new ArrayExample<>(new Label("neutral"));
    RuleFeature[] rules = RuleFeature.values();
    for (int r = 0; r < rules.length; r++) {
      if (f.rules[r] != 0) {
        example.add(rules[r].featureName(), f.rules[r]);
      }
    }
    for (int i = 0; i < f.wordCount; i++) {
      example.add(SentimentFeatures.wordFeature(f.words[i]), 1.0);
    }
    return example;
  }
}
