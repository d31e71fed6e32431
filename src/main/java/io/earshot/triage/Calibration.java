package io.earshot.triage;

import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017): one number that softens or sharpens the model's
 * probabilities so that "70% sure" is right about 70% of the time. It is fitted by minimizing
 * the log-loss of predictions on posts from sources the model was not trained on, so the
 * confidence shown reflects how the model does on unfamiliar text.
 */
final class Calibration {
  private static final double LOW = 0.25;
  private static final double HIGH = 8.0;

  private Calibration() {
  }

  /** The temperature minimizing weighted mean log-loss, by golden-section search on [0.25, 8]. */
  static double fitTemperature(List<double[]> logits, int[] truth, double[] weights) {
    double a = LOW;
    double b = HIGH;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 60; i++) {
      double c = b - g * (b - a);
      double d = a + g * (b - a);
      if (logLoss(logits, truth, weights, c) < logLoss(logits, truth, weights, d)) {
        b = d;
      } else {
        a = c;
      }
    }
    return (a + b) / 2;
  }

  /** Weighted mean log-loss of the predictions at {@code temperature}. */
  static double logLoss(List<double[]> logits, int[] truth, double[] weights, double temperature) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < truth.length; i++) {
      double[] p = SentimentModel.calibrate(logits.get(i), temperature);
      sum -= weights[i] * Math.log(Math.max(1e-12, p[truth[i]]));
      total += weights[i];
    }
    return sum / Math.max(1e-12, total);
  }

  /** Expected calibration error over ten confidence bins: |confidence - accuracy|, weighted. */
  static double expectedError(List<double[]> probabilities, int[] truth) {
    int bins = 10;
    double[] confidence = new double[bins];
    double[] correct = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < truth.length; i++) {
      double[] p = probabilities.get(i);
      int best = argmax(p);
      int bin = Math.min(bins - 1, (int) (p[best] * bins));
      confidence[bin] += p[best];
      correct[bin] += best == truth[i] ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(confidence[b] - correct[b]) / truth.length;
      }
    }
    return ece;
  }

  static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    return best;
  }
}
