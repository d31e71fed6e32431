package io.earshot.triage;

import io.earshot.domain.Triage;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code earshot eval [vader.tsv] [care.tsv] [holdout.tsv]}: prints JSON figures for the VADER tweets (Pearson
 * r against the mean human rating, three-class agreement) and for our labelled customer-care
 * set (accuracy, macro-F1, per-class precision/recall, reason recall).
 */
public final class EvalCommand {
  static final String VADER_FILE = "data/vader-tweets-groundtruth.tsv";
  static final String CARE_FILE = "src/test/resources/triage/customer-care-labelled.tsv";
  /** Written after tuning and never tuned against: a check that the rules generalize. */
  static final String HOLDOUT_FILE = "src/test/resources/triage/customer-care-holdout.tsv";
  private static final List<String> LABELS = List.of("positive", "neutral", "negative");

  private EvalCommand() {
  }

  /** Standalone entry point; the hub's Main calls {@link #run} for {@code earshot eval}. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Returns 0, or 2 when a data file cannot be read. */
  public static int run(String[] args, PrintStream out) {
    TriageEngine engine = TriageEngine.withDefaults();
    try {
      Path vader = args.length > 0 ? Path.of(args[0]) : resolveShared(VADER_FILE);
      Path care = args.length > 1 ? Path.of(args[1]) : Path.of(CARE_FILE);
      JsonObject report = new JsonObject()
          .put("vader", vader(engine, GroundTruth.readRated(vader)).put("file", vader.toString()))
          .put("customerCare", care(engine, GroundTruth.readLabelled(care)).put("file", care.toString()));
      Path holdout = args.length > 2 ? Path.of(args[2]) : Path.of(HOLDOUT_FILE);
      if (Files.isRegularFile(holdout)) {
        report.put("customerCareHoldout",
            care(engine, GroundTruth.readLabelled(holdout)).put("file", holdout.toString()));
      }
      out.println(report.encodePrettily());
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println(new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
      return 2;
    }
  }

  /**
   * Finds a file under the shared folder that sits beside the project clone: tries
   * {@code ../shared}, {@code ../../shared}, the {@code EARSHOT_SHARED_DIR} system property,
   * then {@code /work/shared}; returns the first candidate when none exists.
   */
  public static Path resolveShared(String relative) {
    String property = System.getProperty("EARSHOT_SHARED_DIR");
    List<Path> candidates = new java.util.ArrayList<>(List.of(
        Path.of("..", "shared", relative), Path.of("..", "..", "shared", relative)));
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property, relative));
    }
    candidates.add(Path.of("/work/shared", relative));
    return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0));
  }

  static JsonObject vader(TriageEngine engine, List<GroundTruth.Rated> rows) {
    double[] truth = new double[rows.size()];
    double[] predicted = new double[rows.size()];
    int agree = 0;
    for (int i = 0; i < rows.size(); i++) {
      truth[i] = rows.get(i).rating();
      predicted[i] = engine.score(ScoringInput.ofText(rows.get(i).text())).sentiment();
      agree += SentimentAnalyzer.label(truth[i]) == SentimentAnalyzer.label(predicted[i]) ? 1 : 0;
    }
    return new JsonObject().put("n", rows.size())
        .put("pearson", round(Metrics.pearson(truth, predicted)))
        .put("agreement", round((double) agree / Math.max(1, rows.size())));
  }

  static JsonObject care(TriageEngine engine, List<GroundTruth.Labelled> rows) {
    String[] truth = new String[rows.size()];
    String[] predicted = new String[rows.size()];
    int reasonsExpected = 0;
    int reasonsFound = 0;
    int reasonsPredicted = 0;
    for (int i = 0; i < rows.size(); i++) {
      GroundTruth.Labelled row = rows.get(i);
      Triage t = engine.score(ScoringInput.ofText(row.text()));
      truth[i] = row.label();
      predicted[i] = t.label().code();
      reasonsExpected += row.reasons().size();
      reasonsFound += (int) row.reasons().stream().filter(t.reasonCodes()::contains).count();
      reasonsPredicted += t.reasonCodes().size();
    }
    Metrics.Classification c = Metrics.classify(LABELS, truth, predicted);
    JsonObject perClass = new JsonObject();
    c.perClass().forEach((label, prf) -> perClass.put(label, new JsonObject()
        .put("precision", round(prf[0])).put("recall", round(prf[1])).put("f1", round(prf[2]))
        .put("support", (int) prf[3])));
    return new JsonObject().put("n", rows.size()).put("accuracy", round(c.accuracy()))
        .put("macroF1", round(c.macroF1())).put("perClass", perClass)
        .put("reasonRecall", round((double) reasonsFound / Math.max(1, reasonsExpected)))
        .put("reasonPrecision", round((double) reasonsFound / Math.max(1, reasonsPredicted)));
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
