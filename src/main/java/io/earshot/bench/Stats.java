package io.earshot.bench;

import java.util.Arrays;

/** Percentiles of a set of samples (nearest-rank). */
final class Stats {
  private Stats() {
  }

  static double percentile(double[] samples, double p) {
    if (samples.length == 0) {
      return Double.NaN;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double median(double[] samples) {
    return percentile(samples, 50);
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
