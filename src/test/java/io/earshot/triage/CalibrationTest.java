package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Triage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("calibrated confidence")
class CalibrationTest {

  @Test
  @DisplayName("temperature scaling recovers the temperature that generated over-confident scores")
  void recoversTemperature() {
    Random random = new Random(7);
    List<double[]> logits = new ArrayList<>();
    int n = 4000;
    int[] truth = new int[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double[] p = SentimentModel.calibrate(z, 1.0);
      double u = random.nextDouble();
      truth[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
      logits.add(new double[] {z[0] * 2.5, z[1] * 2.5, z[2] * 2.5});
      weights[i] = 1.0;
    }
    assertEquals(2.5, Calibration.fitTemperature(logits, truth, weights), 0.3);
  }

  @Test
  @DisplayName("confidence is the label's probability, in 0..1, and 'unsure' below the documented band")
  void confidenceBand() {
    Triage sure = SentimentRulesTest.score("@airline worst airline ever, lost my bag and the staff were rude");
    assertTrue(sure.confidence() >= Triage.UNSURE_BELOW && !sure.unsure(), sure.toString());
    Triage t = SentimentRulesTest.score("@airline ok");
    assertTrue(t.confidence() > 0.33 && t.confidence() <= 1.0);
    assertEquals(t.confidence() < Triage.UNSURE_BELOW, t.unsure());
  }
}
