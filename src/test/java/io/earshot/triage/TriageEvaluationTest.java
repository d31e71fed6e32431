package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors on the labelled data, set just below what the engine measured so that a
 * regression fails. The VADER tweets live in the shared folder beside the clone.
 */
@DisplayName("triage accuracy on labelled data")
class TriageEvaluationTest {
  // Measured (see docs/TRIAGE.md); floors sit slightly below.
  static final double VADER_R_FLOOR = 0.875;
  static final double VADER_AGREEMENT_FLOOR = 0.90;
  static final double CARE_ACCURACY_FLOOR = 0.92;
  static final double CARE_MACRO_F1_FLOOR = 0.91;
  static final double CARE_REASON_RECALL_FLOOR = 0.82;
  static final double CARE_REASON_PRECISION_FLOOR = 0.71;

  static final double HOLDOUT_ACCURACY_FLOOR = 0.83;

  static TriageEngine engine;

  @BeforeAll
  static void engine() {
    engine = TriageEngine.withDefaults();
  }

  @Test
  @DisplayName("on the VADER tweets, Pearson r and three-class agreement stay above their floors")
  void vaderTweets() throws Exception {
    Path file = EvalCommand.resolveShared(EvalCommand.VADER_FILE);
    assumeTrue(Files.isRegularFile(file), "shared data not found: " + file);
    JsonObject figures = EvalCommand.vader(engine, GroundTruth.readRated(file));
    System.out.println("vader " + figures.encode());
    assertTrue(figures.getInteger("n") >= 4000, "the VADER set is complete");
    assertTrue(figures.getDouble("pearson") >= VADER_R_FLOOR, figures.encode());
    assertTrue(figures.getDouble("agreement") >= VADER_AGREEMENT_FLOOR, figures.encode());
  }

  @Test
  @DisplayName("on our customer-care set, accuracy, macro-F1 and reason recall/precision stay above their floors")
  void customerCare() throws Exception {
    Path file = Path.of(EvalCommand.CARE_FILE);
    JsonObject figures = EvalCommand.care(engine, GroundTruth.readLabelled(file));
    System.out.println("care " + figures.encode());
    assertTrue(figures.getInteger("n") >= 450, "the customer-care set has at least 450 posts");
    assertTrue(figures.getDouble("accuracy") >= CARE_ACCURACY_FLOOR, figures.encode());
    assertTrue(figures.getDouble("macroF1") >= CARE_MACRO_F1_FLOOR, figures.encode());
    assertTrue(figures.getDouble("reasonRecall") >= CARE_REASON_RECALL_FLOOR, figures.encode());
    assertTrue(figures.getDouble("reasonPrecision") >= CARE_REASON_PRECISION_FLOOR, figures.encode());
  }

  @Test
  @DisplayName("on held-out customer-care posts never tuned against, accuracy stays above its floor")
  void holdout() throws Exception {
    JsonObject figures = EvalCommand.care(engine, GroundTruth.readLabelled(Path.of(EvalCommand.HOLDOUT_FILE)));
    System.out.println("holdout " + figures.encode());
    assertTrue(figures.getDouble("accuracy") >= HOLDOUT_ACCURACY_FLOOR, figures.encode());
  }
}
