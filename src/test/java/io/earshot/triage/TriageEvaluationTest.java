package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors measured on posts the model never saw: one model is trained, with the shipped
 * settings, on the public TweetEval, Apple and SXSW sets only, then judged on our customer-care
 * posts and on the VADER tweets (about 10 s of training). Floors sit just below the measured
 * figures (docs/TRIAGE.md) so a regression fails. Needs the shared data folder; skipped with a
 * message naming the property to set when it is absent.
 */
@DisplayName("triage accuracy on sources the model never saw")
class TriageEvaluationTest {
  // Measured with this exact fold (see docs/TRIAGE.md); floors sit slightly below.
  // Measured: care accuracy 0.837, macro-F1 0.833, negative recall 0.803; VADER r 0.879;
  // complaints with their topic in the first two 0.813, negative posts with only 'other' 0.071.
  static final double CARE_ACCURACY_FLOOR = 0.82;
  static final double CARE_MACRO_F1_FLOOR = 0.82;
  static final double CARE_NEGATIVE_RECALL_FLOOR = 0.79;
  static final double VADER_R_FLOOR = 0.87;
  static final double TOPIC_IN_TOP_TWO_FLOOR = 0.80;
  /** The target: at most one negative post in ten gets no topic but 'other'. */
  static final double NEGATIVE_OTHER_ONLY_CEILING = 0.10;
  /** Broader seeds must not spray topics: precision against our labels stays near 0.59. */
  static final double TOPIC_PRECISION_FLOOR = 0.57;

  static Map<String, JsonObject> figures;
  static JsonObject reasons;

  @BeforeAll
  static void crossSource() throws Exception {
    Optional<Path> data = SharedData.locate(null);
    assumeTrue(data.isPresent(), SharedData.missingMessage());
    Map<String, List<Corpus.Sample>> all = Corpus.readAll(data.get(), Path.of("."));
    List<Corpus.Sample> train = new ArrayList<>();
    List.of(Corpus.TWEETEVAL, Corpus.APPLE, Corpus.BRANDS).forEach(s -> train.addAll(all.get(s)));
    ModelTrainer trainer = new ModelTrainer(ModelTrainer.Settings.defaults(), Lexicon.standard(), CareRules.standard());
    FeatureReader reader = trainer.readerFor(train);
    SentimentModel model = new SentimentModel(trainer.train(train, reader), 1.0);
    figures = new LinkedHashMap<>();
    for (String held : List.of(Corpus.CARE, Corpus.VADER)) {
      CrossSourceEval.Fold fold = CrossSourceEval.judge(held, List.of(), reader, model, all.get(held));
      figures.put(held, CrossSourceEval.report(fold, 1.0));
      System.out.println(held + " " + figures.get(held).getJsonObject("summary").encode()
          + " r=" + figures.get(held).getValue("pearson"));
    }
    reasons = EvalCommand.reasons(TriageEngine.withDefaults(), all.get(Corpus.CARE));
    System.out.println("reasons " + reasons.encode());
  }

  @Test
  @DisplayName("on our customer-care posts, unseen in training, accuracy, macro-F1 and negative recall hold")
  void customerCare() {
    JsonObject s = figures.get(Corpus.CARE).getJsonObject("summary");
    assertTrue(s.getDouble("accuracy") >= CARE_ACCURACY_FLOOR, s.encode());
    assertTrue(s.getDouble("macroF1") >= CARE_MACRO_F1_FLOOR, s.encode());
    assertTrue(s.getDouble("negativeRecall") >= CARE_NEGATIVE_RECALL_FLOOR, s.encode());
  }

  @Test
  @DisplayName("on the VADER tweets, unseen in training, Pearson r against the human ratings holds")
  void vaderTweets() {
    JsonObject v = figures.get(Corpus.VADER);
    assertTrue(v.getInteger("n") >= 4000, "the VADER set is complete");
    assertTrue(v.getDouble("pearson") >= VADER_R_FLOOR, v.encode());
  }

  @Test
  @DisplayName("contact reasons: complaints get their topic among the first two, negative posts rarely only 'other'")
  void contactReasons() {
    assertTrue(reasons.getDouble("complaintsWithTopicInTopTwo") >= TOPIC_IN_TOP_TWO_FLOOR, reasons.encode());
    assertTrue(reasons.getDouble("negativeOtherOnly") <= NEGATIVE_OTHER_ONLY_CEILING, reasons.encode());
    assertTrue(reasons.getDouble("topicPrecision") >= TOPIC_PRECISION_FLOOR, reasons.encode());
  }
}
