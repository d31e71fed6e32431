package io.earshot.triage;

import io.earshot.domain.SentimentLabel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the sentiment model with Tribuo: multinomial logistic regression by averaged AdaGrad
 * SGD over the rule features and the words seen in at least {@link Settings#minWordCount}
 * training posts. Sources of very different sizes are balanced by example weights, so twelve
 * thousand general tweets do not drown six hundred customer-care posts, and classes within
 * each source, so that neutral-heavy sets do not teach that a plain complaint is neutral; crowd
 * labels weigh their judges' agreement. Deterministic for a
 * given seed and input order.
 */
final class ModelTrainer {
  /**
   * Training hyper-parameters; the defaults are what {@code earshot train} ships. Classes are
   * balanced within each source to the power {@code classBalance} (see {@link
   * #classWeightsBySource}); an example weighs its judges' agreement to the power {@code
   * agreementPower} (0: crowd labels count whatever their agreement).
   */
  record Settings(int epochs, double learningRate, int minWordCount, double balance,
                  Map<String, Double> sourceBoost, double classBalance, double agreementPower, long seed) {
    static Settings defaults() {
      return new Settings(5, 0.05, 3, 0.5, Map.of(Corpus.CARE, 3.0, Corpus.APPLE, 1.5), 0.5, 1.0, 42L);
    }

    /** The same settings with another class balance ({@code eval --class-balance X}). */
    Settings withClassBalance(double value) {
      return new Settings(epochs, learningRate, minWordCount, balance, sourceBoost, value, agreementPower, seed);
    }

    io.vertx.core.json.JsonObject toJson() {
      return new io.vertx.core.json.JsonObject().put("epochs", epochs).put("learningRate", learningRate)
          .put("minWordCount", minWordCount).put("balance", balance).put("classBalance", classBalance)
          .put("agreementPower", agreementPower)
          .put("sourceBoost", new io.vertx.core.json.JsonObject(new java.util.TreeMap<>(sourceBoost)))
          .put("seed", seed);
    }
  }

  private final Settings settings;
  private final Lexicon lexicon;
  private final CareRules care;

  ModelTrainer(Settings settings, Lexicon lexicon, CareRules care) {
    this.settings = settings;
    this.lexicon = lexicon;
    this.care = care;
  }

  /** The reader training uses: hashtags split with the lexicon and the training posts' own words. */
  FeatureReader readerFor(List<Corpus.Sample> samples) {
    FeatureReader plain = new FeatureReader(lexicon, care, Set.of());
    Map<String, Integer> counts = new HashMap<>();
    for (Corpus.Sample s : samples) {
      SentimentFeatures f = plain.read(s.text()).features();
      for (int i = 0; i < f.wordCount; i++) {
        counts.merge(f.words[i], 1, Integer::sum);
      }
    }
    Set<String> known = new HashSet<>();
    counts.forEach((w, c) -> {
      if (c >= settings.minWordCount() && w.length() > 1 && w.chars().allMatch(Character::isLetter)) {
        known.add(w);
      }
    });
    return new FeatureReader(lexicon, care, known);
  }

  LinearSGDModel train(List<Corpus.Sample> samples, FeatureReader reader) {
    List<SentimentFeatures> features = new ArrayList<>(samples.size());
    Map<String, Integer> df = new HashMap<>();
    for (Corpus.Sample s : samples) {
      SentimentFeatures f = reader.read(s.text()).features();
      features.add(f);
      for (int i = 0; i < f.wordCount; i++) {
        df.merge(f.words[i], 1, Integer::sum);
      }
    }
    Map<String, Double> weights = sourceWeights(samples);
    Map<String, Map<SentimentLabel, Double>> byClass = classWeightsBySource(samples, weights);
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("earshot triage corpora", labels), labels);
    for (int k = 0; k < samples.size(); k++) {
      Corpus.Sample s = samples.get(k);
      ArrayExample<Label> example = new ArrayExample<>(new Label(s.label().code()),
          (float) (weights.get(s.source()) * byClass.get(s.source()).get(s.label()) * agreementWeight(s)));
      addFeatures(example, features.get(k), df);
      data.add(example);
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
        new ParameterAveraging(new AdaGrad(settings.learningRate(), 0.1)), settings.epochs(),
        settings.epochs() * samples.size() + 1, 1, settings.seed());
    return (LinearSGDModel) trainer.train(data);
  }

  private void addFeatures(ArrayExample<Label> example, SentimentFeatures f, Map<String, Integer> df) {
    RuleFeature[] rules = RuleFeature.values();
    for (int r = 0; r < rules.length; r++) {
      if (f.rules[r] != 0) {
        example.add(rules[r].featureName(), f.rules[r]);
      }
    }
    for (int i = 0; i < f.wordCount; i++) {
      if (df.getOrDefault(f.words[i], 0) >= settings.minWordCount()) {
        example.add(SentimentFeatures.wordFeature(f.words[i]), 1.0);
      }
    }
  }

  /** A crowd label counts by its judges' agreement to the power {@link Settings#agreementPower}. */
  double agreementWeight(Corpus.Sample s) {
    return Math.pow(s.agreement(), settings.agreementPower());
  }

  /**
   * {@link #classWeights} within each source: a source whose posts are mostly neutral (the
   * general tweet sets) must not teach that a complaint with no opinion word is neutral, while
   * each source keeps its total weight.
   */
  Map<String, Map<SentimentLabel, Double>> classWeightsBySource(List<Corpus.Sample> samples,
                                                                Map<String, Double> sourceWeights) {
    Map<String, List<Corpus.Sample>> bySource = new HashMap<>();
    samples.forEach(s -> bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s));
    Map<String, Map<SentimentLabel, Double>> out = new HashMap<>();
    bySource.forEach((source, own) -> out.put(source, classWeights(own, sourceWeights)));
    return out;
  }

  /**
   * Per-class factor on top of the source weights: (largest class / this class) ^ classBalance,
   * counting each example by its source weight, rescaled so the mean weight stays 1. At 0 every
   * class counts as it comes; at 1 the classes weigh the same in training.
   */
  Map<SentimentLabel, Double> classWeights(List<Corpus.Sample> samples, Map<String, Double> sourceWeights) {
    Map<SentimentLabel, Double> mass = new EnumMap<>(SentimentLabel.class);
    samples.forEach(s -> mass.merge(s.label(), sourceWeights.get(s.source()), Double::sum));
    double largest = mass.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    Map<SentimentLabel, Double> out = new EnumMap<>(SentimentLabel.class);
    double total = 0;
    for (Map.Entry<SentimentLabel, Double> e : mass.entrySet()) {
      double w = Math.pow(largest / e.getValue(), settings.classBalance());
      out.put(e.getKey(), w);
      total += w * e.getValue();
    }
    double before = mass.values().stream().mapToDouble(Double::doubleValue).sum();
    double scale = before / total;
    out.replaceAll((k, w) -> w * scale);
    return out;
  }

  /**
   * Per-source example weight: (largest source / this source) ^ balance, times the source's
   * boost, rescaled so the mean weight is 1 (the learning rate keeps its meaning).
   */
  Map<String, Double> sourceWeights(List<Corpus.Sample> samples) {
    Map<String, Integer> sizes = new HashMap<>();
    samples.forEach(s -> sizes.merge(s.source(), 1, Integer::sum));
    int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    Map<String, Double> raw = new HashMap<>();
    double total = 0;
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      double w = Math.pow((double) largest / e.getValue(), settings.balance())
          * settings.sourceBoost().getOrDefault(e.getKey(), 1.0);
      raw.put(e.getKey(), w);
      total += w * e.getValue();
    }
    double mean = total / samples.size();
    raw.replaceAll((k, w) -> w / mean);
    return raw;
  }
}
