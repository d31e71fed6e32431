package io.earshot.triage;

import io.earshot.domain.Triage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code earshot eval [--data DIR] [--class-balance X]}: cross-source evaluation. For each
 * labelled source a model is trained, with the shipped settings (or another class balance, to
 * compare), on the other sources only and judged on this one; our
 * customer-care posts are also judged by whole sectors held out, and the Apple fold's posts
 * written to @apple are reported apart. Prints per-class precision, recall and F1, confusion
 * matrices, calibration error and, on the VADER tweets, Pearson r; how the bundled taxonomy's
 * contact reasons do on our labelled care posts; and how many negative Apple posts get only
 * {@code other}.
 */
public final class EvalCommand {
  /** Codes of the speech acts; the rest of a post's labelled reasons are its topics. */
  private static final Set<String> ACTS = Set.of("question", "complaint", "request", "praise");

  private EvalCommand() {
  }

  /** Standalone entry point; the hub's Main calls {@link #run} for {@code earshot eval}. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Returns 0, or 2 when the data cannot be found or read (or --class-balance is no number). */
  public static int run(String[] args, PrintStream out) {
    Optional<Path> data = SharedData.locate(TrainCommand.option(args, "--data"));
    if (data.isEmpty()) {
      out.println(new JsonObject().put("error", SharedData.missingMessage()).encode());
      return 2;
    }
    try {
      Map<String, List<Corpus.Sample>> bySource = Corpus.readAll(data.get(), Path.of("."));
      ModelTrainer.Settings settings = ModelTrainer.Settings.defaults();
      String classBalance = TrainCommand.option(args, "--class-balance");
      if (classBalance != null) {
        settings = settings.withClassBalance(Double.parseDouble(classBalance));
      }
      out.println(report(bySource, settings).encodePrettily());
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println(new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
      return 2;
    }
  }

  static JsonObject report(Map<String, List<Corpus.Sample>> bySource, ModelTrainer.Settings settings) {
    ModelTrainer trainer = new ModelTrainer(settings, Lexicon.standard(), CareRules.standard());
    List<CrossSourceEval.Fold> folds = new CrossSourceEval(trainer).run(bySource);
    double temperature = CrossSourceEval.temperature(folds);
    JsonObject sources = new JsonObject();
    folds.forEach(f -> sources.put(f.source(), CrossSourceEval.report(f, temperature)));
    folds.stream().filter(f -> f.source().equals(Corpus.APPLE)).findFirst().ifPresent(apple ->
        sources.put(CrossSourceEval.APPLE_TO_BRAND, CrossSourceEval.report(CrossSourceEval.appleToBrand(apple), temperature)));
    JsonObject out = new JsonObject().put("method", "leave one source out: each model never saw the source it is judged on")
        .put("temperature", CrossSourceEval.round(temperature)).put("crossSource", sources);
    List<Corpus.Sample> care = bySource.get(Corpus.CARE);
    if (care != null) {
      out.put("reasons", reasons(TriageEngine.withDefaults(), care));
    }
    List<Corpus.Sample> apple = bySource.get(Corpus.APPLE);
    if (apple != null) {
      out.put("reasonsApple", appleOtherOnly(TriageEngine.withDefaults(), apple));
    }
    return out;
  }

  /**
   * The one reasons figure real posts can give without topic labels: the share of the crowd's
   * negative Apple posts, all and those written to @apple, that get no topic but {@code other}.
   * Nothing in the taxonomy was written from these posts' labels.
   */
  static JsonObject appleOtherOnly(TriageEngine engine, List<Corpus.Sample> samples) {
    int[] all = new int[2];
    int[] toBrand = new int[2];
    for (Corpus.Sample s : samples) {
      if (s.label() != io.earshot.domain.SentimentLabel.NEGATIVE) {
        continue;
      }
      List<String> topics = engine.score(ScoringInput.ofText(s.text())).reasonCodes().stream()
          .filter(c -> !ACTS.contains(c)).toList();
      int other = topics.equals(List.of(Taxonomy.FALLBACK)) ? 1 : 0;
      all[0]++;
      all[1] += other;
      if (CrossSourceEval.writtenToApple(s.text())) {
        toBrand[0]++;
        toBrand[1] += other;
      }
    }
    return new JsonObject().put("negatives", all[0])
        .put("negativeOtherOnly", CrossSourceEval.round((double) all[1] / Math.max(1, all[0])))
        .put("negativesToBrand", toBrand[0])
        .put("negativeToBrandOtherOnly", CrossSourceEval.round((double) toBrand[1] / Math.max(1, toBrand[0])));
  }

  /**
   * Contact reasons against our labels: recall and precision of topics, the share of complaints
   * whose labelled topic is among the first two, and the share of negative posts left with
   * {@code other} as their only topic. Reasons do not use the sentiment model, so nothing here
   * was trained on these posts (the taxonomy's phrases were written with them in view).
   */
  static JsonObject reasons(TriageEngine engine, List<Corpus.Sample> samples) {
    int expected = 0;
    int found = 0;
    int predicted = 0;
    int complaints = 0;
    int topTwo = 0;
    int negatives = 0;
    int otherOnly = 0;
    for (Corpus.Sample s : samples) {
      Triage t = engine.score(ScoringInput.ofText(s.text()));
      List<String> topics = t.reasonCodes().stream().filter(c -> !ACTS.contains(c)).toList();
      List<String> labelled = s.reasons().stream().filter(c -> !ACTS.contains(c) && !c.equals(Taxonomy.FALLBACK)).toList();
      expected += labelled.size();
      found += (int) labelled.stream().filter(topics::contains).count();
      predicted += (int) topics.stream().filter(c -> !c.equals(Taxonomy.FALLBACK)).count();
      boolean negative = s.label() == io.earshot.domain.SentimentLabel.NEGATIVE;
      if (negative && !labelled.isEmpty()) {
        complaints++;
        List<String> firstTwo = topics.subList(0, Math.min(2, topics.size()));
        topTwo += labelled.stream().anyMatch(firstTwo::contains) ? 1 : 0;
      }
      if (negative) {
        negatives++;
        otherOnly += topics.equals(List.of(Taxonomy.FALLBACK)) ? 1 : 0;
      }
    }
    return new JsonObject().put("n", samples.size())
        .put("topicRecall", CrossSourceEval.round((double) found / Math.max(1, expected)))
        .put("topicPrecision", CrossSourceEval.round((double) found / Math.max(1, predicted)))
        .put("complaintsWithTopicInTopTwo", CrossSourceEval.round((double) topTwo / Math.max(1, complaints)))
        .put("negativeOtherOnly", CrossSourceEval.round((double) otherOnly / Math.max(1, negatives)))
        .put("complaints", complaints).put("negatives", negatives)
        .put("acts", new JsonArray(List.of("question", "complaint", "request", "praise")));
  }
}
