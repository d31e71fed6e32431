package io.earshot.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agreement statistics for the evaluation: Pearson r and a multi-class confusion summary. */
final class Metrics {
  private Metrics() {
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /** Per-class precision, recall and F1 with overall accuracy and macro-F1. */
  record Classification(double accuracy, double macroF1, Map<String, double[]> perClass) {
  }

  static Classification classify(List<String> classes, String[] truth, String[] predicted) {
    Map<String, double[]> perClass = new LinkedHashMap<>();
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      correct += truth[i].equals(predicted[i]) ? 1 : 0;
    }
    double f1Sum = 0;
    for (String c : classes) {
      double[] prf = precisionRecall(c, truth, predicted);
      perClass.put(c, prf);
      f1Sum += prf[2];
    }
    return new Classification((double) correct / Math.max(1, truth.length),
        f1Sum / classes.size(), perClass);
  }

  private static double[] precisionRecall(String c, String[] truth, String[] predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean t = truth[i].equals(c);
      boolean p = predicted[i].equals(c);
      tp += t && p ? 1 : 0;
      fp += !t && p ? 1 : 0;
      fn += t && !p ? 1 : 0;
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1, tp + fn};
  }

  /** Rows are the true class, columns the predicted one, both in {@code classes} order. */
  static int[][] confusion(List<String> classes, String[] truth, String[] predicted) {
    int[][] m = new int[classes.size()][classes.size()];
    for (int i = 0; i < truth.length; i++) {
      int t = classes.indexOf(truth[i]);
      int p = classes.indexOf(predicted[i]);
      if (t >= 0 && p >= 0) {
        m[t][p]++;
      }
    }
    return m;
  }
}
