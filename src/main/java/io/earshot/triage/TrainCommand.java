package io.earshot.triage;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * {@code earshot train [--data DIR] [--out DIR]}: reproduces the bundled sentiment model. It
 * runs the cross-source evaluation first (each source held out in turn) to fit the calibration
 * temperature on predictions for unseen sources, then trains on every source and writes
 * {@code sentiment-model.tribuo} and {@code sentiment-model.json} to {@code DIR} (default
 * {@code src/main/resources/triage}). Run it from the repository root.
 */
public final class TrainCommand {
  static final String DEFAULT_OUT = "src/main/resources/triage";

  private TrainCommand() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Returns 0, or 2 when the data cannot be found or read. */
  public static int run(String[] args, PrintStream out) {
    Optional<Path> data = SharedData.locate(option(args, "--data"));
    if (data.isEmpty()) {
      out.println(new JsonObject().put("error", SharedData.missingMessage()).encode());
      return 2;
    }
    Path target = Path.of(Optional.ofNullable(option(args, "--out")).orElse(DEFAULT_OUT));
    try {
      Map<String, List<Corpus.Sample>> bySource = Corpus.readAll(data.get(), Path.of("."));
      JsonObject summary = train(bySource, target);
      out.println(summary.encodePrettily());
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println(new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
      return 2;
    }
  }

  static JsonObject train(Map<String, List<Corpus.Sample>> bySource, Path target) throws IOException {
    ModelTrainer trainer = new ModelTrainer(ModelTrainer.Settings.defaults(), Lexicon.standard(),
        CareRules.standard());
    List<CrossSourceEval.Fold> folds = new CrossSourceEval(trainer).run(bySource);
    double temperature = CrossSourceEval.temperature(folds);
    List<Corpus.Sample> all = new ArrayList<>();
    JsonObject sizes = new JsonObject();
    bySource.forEach((source, samples) -> {
      all.addAll(samples);
      sizes.put(source, samples.size());
    });
    LinearSGDModel model = trainer.train(all, trainer.readerFor(all));
    Files.createDirectories(target);
    model.serializeToFile(target.resolve("sentiment-model.tribuo"));
    JsonObject crossSource = new JsonObject();
    folds.forEach(f -> crossSource.put(f.source(),
        CrossSourceEval.report(f, temperature).getJsonObject("summary")));
    folds.stream().filter(f -> f.source().equals(Corpus.APPLE)).findFirst().ifPresent(apple ->
        crossSource.put(CrossSourceEval.APPLE_TO_BRAND, CrossSourceEval.report(
            CrossSourceEval.appleToBrand(apple), temperature).getJsonObject("summary")));
    JsonObject meta = new JsonObject()
        .put("model", "Tribuo LinearSGDModel, multinomial logistic regression (averaged AdaGrad)")
        .put("temperature", CrossSourceEval.round(temperature))
        .put("unsureBelow", SentimentScorer.UNSURE_BELOW)
        .put("trainedOn", sizes)
        .put("features", model.getFeatureIDMap().size())
        .put("settings", ModelTrainer.Settings.defaults().toJson())
        .put("crossSource", crossSource)
        .put("reproduce", "java -jar target/earshot.jar train (from the repository root)");
    Files.writeString(target.resolve("sentiment-model.json"), meta.encodePrettily() + "\n",
        StandardCharsets.UTF_8);
    return meta;
  }

  static String option(String[] args, String name) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }
}
