package io.earshot.triage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leave-one-source-out evaluation: for each source, a model is trained on all the other sources
 * and judged on this one, which it never saw (not its posts, not its vocabulary). This predicts
 * how triage does on a new kind of traffic far better than a split of one file would.
 */
final class CrossSourceEval {
  static final List<String> CLASSES = SentimentModel.CLASSES.stream().map(l -> l.code()).toList();

  /** The name of the fold that holds out whole care sectors. */
  static final String CARE_SECTORS = "care-unseen-sectors";
  private static final List<Set<String>> SECTOR_HALVES = List.of(
      Set.of("airline", "telecom", "software", "utility"), Set.of("banking", "food", "retail", "streaming"));

  /**
   * The Apple fold's posts that a customer wrote to the brand: they name @apple, carry no link
   * and no stock ticker (news and market chatter make up much of the rest). The closest public
   * slice to care traffic: about half of these are complaints.
   */
  static final String APPLE_TO_BRAND = "apple-to-brand";

  private final ModelTrainer trainer;

  /** A held-out source's posts, the uncalibrated scores of the model that never saw them, and the rules' labels. */
  record Fold(String source, List<String> trainedOn, List<Corpus.Sample> test, List<double[]> logits,
              String[] rulesOnly) {
  }

  CrossSourceEval(ModelTrainer trainer) {
    this.trainer = trainer;
  }

  List<Fold> run(Map<String, List<Corpus.Sample>> bySource) {
    List<Fold> folds = new ArrayList<>();
    for (String held : bySource.keySet()) {
      List<Corpus.Sample> train = new ArrayList<>();
      List<String> trainedOn = new ArrayList<>();
      bySource.forEach((source, samples) -> {
        if (!source.equals(held)) {
          train.addAll(samples);
          trainedOn.add(source);
        }
      });
      folds.add(fold(held, trainedOn, train, bySource.get(held)));
    }
    if (bySource.containsKey(Corpus.CARE)) {
      folds.add(unseenSectors(bySource));
    }
    return folds;
  }

  /**
   * Our care posts by sector: half the sectors are held out while the model trains on every
   * public set and the other sectors' care posts, then the other half; the two halves' results
   * are reported together. This is the closest we have to care traffic of a brand never seen.
   */
  private Fold unseenSectors(Map<String, List<Corpus.Sample>> bySource) {
    List<Corpus.Sample> test = new ArrayList<>();
    List<double[]> logits = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (Set<String> held : SECTOR_HALVES) {
      List<Corpus.Sample> train = new ArrayList<>();
      List<Corpus.Sample> heldOut = new ArrayList<>();
      bySource.values().forEach(samples -> samples.forEach(s ->
          (s.sector() != null && held.contains(s.sector()) ? heldOut : train).add(s)));
      Fold half = fold(CARE_SECTORS, List.of(), train, heldOut);
      test.addAll(heldOut);
      logits.addAll(half.logits());
      rules.addAll(List.of(half.rulesOnly()));
    }
    List<String> trainedOn = new ArrayList<>(bySource.keySet());
    return new Fold(CARE_SECTORS, trainedOn, test, logits, rules.toArray(String[]::new));
  }

  private Fold fold(String held, List<String> trainedOn, List<Corpus.Sample> train, List<Corpus.Sample> test) {
    FeatureReader reader = trainer.readerFor(train);
    SentimentModel model = new SentimentModel(trainer.train(train, reader), 1.0);
    return judge(held, trainedOn, reader, model, test);
  }

  /** The part of the Apple fold written to @apple by customers (see {@link #APPLE_TO_BRAND}). */
  static Fold appleToBrand(Fold apple) {
    List<Corpus.Sample> test = new ArrayList<>();
    List<double[]> logits = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < apple.test().size(); i++) {
      if (writtenToApple(apple.test().get(i).text())) {
        test.add(apple.test().get(i));
        logits.add(apple.logits().get(i));
        rules.add(apple.rulesOnly()[i]);
      }
    }
    return new Fold(APPLE_TO_BRAND, apple.trainedOn(), test, logits, rules.toArray(String[]::new));
  }

  static boolean writtenToApple(String post) {
    String text = post.toLowerCase(java.util.Locale.ROOT);
    return text.contains("@apple") && !text.contains("http") && !text.contains("aapl");
  }

  /** Scores {@code test} with a model trained without it: uncalibrated scores and the rules' own labels. */
  static Fold judge(String held, List<String> trainedOn, FeatureReader reader, SentimentModel model,
                    List<Corpus.Sample> test) {
    List<double[]> logits = new ArrayList<>(test.size());
    String[] rules = new String[test.size()];
    for (int i = 0; i < test.size(); i++) {
      FeatureReader.Read read = reader.read(test.get(i).text());
      logits.add(model.logits(read.features()));
      rules[i] = SentimentAnalyzer.label(read.reading().compound()).code();
    }
    return new Fold(held, trainedOn, test, logits, rules);
  }

  /**
   * The temperature that calibrates the pooled out-of-source predictions of all folds, each fold
   * weighing the same however many posts it has, so the large general sets do not set it alone.
   */
  static double temperature(List<Fold> folds) {
    List<double[]> logits = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Fold f : folds) {
      logits.addAll(f.logits());
      f.test().forEach(s -> {
        truth.add(CLASSES.indexOf(s.label().code()));
        weights.add(1.0 / f.test().size());
      });
    }
    return Calibration.fitTemperature(logits, truth.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static JsonObject report(Fold f, double temperature) {
    int n = f.test().size();
    String[] truth = new String[n];
    String[] predicted = new String[n];
    int[] truthIds = new int[n];
    List<double[]> raw = new ArrayList<>(n);
    List<double[]> calibrated = new ArrayList<>(n);
    double[] ratings = new double[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = SentimentModel.calibrate(f.logits().get(i), temperature);
      truth[i] = f.test().get(i).label().code();
      truthIds[i] = CLASSES.indexOf(truth[i]);
      predicted[i] = CLASSES.get(Calibration.argmax(p));
      raw.add(SentimentModel.calibrate(f.logits().get(i), 1.0));
      calibrated.add(p);
      ratings[i] = f.test().get(i).rating();
      scores[i] = p[0] - p[2];
    }
    JsonObject out = classification(truth, predicted).put("source", f.source()).put("n", n)
        .put("trainedOn", new JsonArray(f.trainedOn()))
        .put("rulesOnly", classification(truth, f.rulesOnly()).getJsonObject("summary"))
        .put("calibrationError", new JsonObject()
            .put("uncalibrated", round(Calibration.expectedError(raw, truthIds)))
            .put("calibrated", round(Calibration.expectedError(calibrated, truthIds))));
    if (!Double.isNaN(ratings[0])) {
      out.put("pearson", round(Metrics.pearson(ratings, scores)));
    }
    return out;
  }

  static JsonObject classification(String[] truth, String[] predicted) {
    Metrics.Classification c = Metrics.classify(CLASSES, truth, predicted);
    JsonObject perClass = new JsonObject();
    c.perClass().forEach((label, prf) -> perClass.put(label, new JsonObject()
        .put("precision", round(prf[0])).put("recall", round(prf[1])).put("f1", round(prf[2]))
        .put("support", (int) prf[3])));
    JsonArray matrix = new JsonArray();
    for (int[] row : Metrics.confusion(CLASSES, truth, predicted)) {
      matrix.add(new JsonArray(java.util.Arrays.stream(row).boxed().toList()));
    }
    return new JsonObject()
        .put("summary", new JsonObject().put("accuracy", round(c.accuracy())).put("macroF1", round(c.macroF1()))
            .put("negativeRecall", round(c.perClass().get("negative")[1])))
        .put("perClass", perClass)
        .put("confusion", new JsonObject().put("rows", "true label").put("columns", "predicted label")
            .put("classes", new JsonArray(CLASSES)).put("matrix", matrix));
  }

  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
