package io.earshot.triage;

import io.earshot.domain.SentimentLabel;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.util.ExpNormalizer;

/**
 * The trained sentiment model: Tribuo multinomial logistic regression over {@link
 * SentimentFeatures}, with a temperature that calibrates its probabilities (fitted on sources
 * the model was not trained on; see {@link ModelTrainer}). The weights are read out of Tribuo's
 * model once at load time ({@link LinearSGDModel#getWeightsCopy()}), laid out feature by
 * feature, and feature ids are resolved once here: Tribuo's per-call path (an {@code Example},
 * feature names looked up in its feature map, a sorted {@code SparseVector} of boxed pairs)
 * cost more than the rest of triage together. The result is the same model, checked against
 * Tribuo's own {@code predict} in {@code SentimentModelTest}. Immutable and thread-safe.
 */
final class SentimentModel {
  static final String MODEL_RESOURCE = "triage/sentiment-model.tribuo";
  static final String META_RESOURCE = "triage/sentiment-model.json";
  static final List<SentimentLabel> CLASSES = List.of(SentimentLabel.POSITIVE,
      SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE);
  private static final int K = 3;
  /** At most this many drivers explain a decision, each pulling at least {@link #MIN_SHARE}. */
  private static final int MAX_DRIVERS = 5;
  private static final double MIN_SHARE = 0.05;

  /**
   * One input's share in the decision for the predicted class; {@code rule} null for a word,
   * whose cue ("word: late") is then {@code wordCue}, made once per feature rather than per post.
   */
  record Contribution(String feature, RuleFeature rule, double value, List<String> wordCue) {
  }

  /** Calibrated probabilities in {@link #CLASSES} order, the predicted label and its drivers. */
  record Prediction(double[] probabilities, SentimentLabel label, double confidence,
                    List<Contribution> drivers) {
    double probability(SentimentLabel l) {
      return probabilities[CLASSES.indexOf(l)];
    }
  }

  /** Weight of feature {@code id} for class {@code k} of {@link #CLASSES} at {@code id * K + k}. */
  private final double[] weights;
  /** Tribuo's bias is one more feature, always 1. */
  private final int bias;
  private final int[] ruleIds;
  private final RuleFeature[] ruleOfId;
  private final Map<String, Integer> wordIds;
  private final String[] featureNames;
  /** By feature id: a word feature's cue as {@link SentimentScorer} shows it, else null. */
  private final List<String>[] wordCues;
  private final double temperature;

  SentimentModel(LinearSGDModel model, double temperature) {
    ImmutableFeatureMap features = model.getFeatureIDMap();
    this.bias = features.size();
    this.temperature = temperature;
    this.featureNames = new String[features.size()];
    Map<String, Integer> words = new HashMap<>(features.size() * 2);
    for (VariableInfo info : features) {
      VariableIDInfo id = (VariableIDInfo) info;
      featureNames[id.getID()] = id.getName();
      if (id.getName().startsWith("w:")) {
        words.put(id.getName().substring(2), id.getID());
      }
    }
    this.wordIds = java.util.Collections.unmodifiableMap(words); // HashMap: see Lexicon
    this.wordCues = wordCues(featureNames);
    this.ruleIds = new int[RuleFeature.values().length];
    this.ruleOfId = new RuleFeature[features.size()];
    for (RuleFeature r : RuleFeature.values()) {
      ruleIds[r.ordinal()] = features.getID(r.featureName());
      if (ruleIds[r.ordinal()] >= 0) {
        ruleOfId[ruleIds[r.ordinal()]] = r;
      }
    }
    this.weights = weightsByFeature(model, bias + 1);
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] wordCues(String[] featureNames) {
    List<String>[] out = new List[featureNames.length];
    for (int id = 0; id < featureNames.length; id++) {
      String name = featureNames[id];
      if (name.startsWith("w:" + SentimentFeatures.NEGATED)) {
        out[id] = List.of("negated: " + name.substring(2 + SentimentFeatures.NEGATED.length()));
      } else if (name.startsWith("w:")) {
        out[id] = List.of("word: " + name.substring(2));
      }
    }
    return out;
  }

  /** Tribuo's weight matrix (one row per output id) transposed into {@link #CLASSES} order. */
  private static double[] weightsByFeature(LinearSGDModel model, int dimension) {
    DenseMatrix matrix = model.getWeightsCopy();
    double[] out = new double[dimension * K];
    for (int k = 0; k < K; k++) {
      int row = model.getOutputIDInfo().getID(new Label(CLASSES.get(k).code()));
      for (int id = 0; id < dimension; id++) {
        out[id * K + k] = matrix.get(row, id);
      }
    }
    return out;
  }


  /** The bundled model; fails with {@link UncheckedIOException} if it is missing or unreadable. */
  static SentimentModel standard() {
    ClassLoader loader = SentimentModel.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream(MODEL_RESOURCE);
         InputStream meta = loader.getResourceAsStream(META_RESOURCE)) {
      if (model == null || meta == null) {
        throw new IOException("sentiment model resource missing: " + MODEL_RESOURCE);
      }
      JsonObject json = new JsonObject(new String(meta.readAllBytes(), StandardCharsets.UTF_8));
      return new SentimentModel((LinearSGDModel) Model.deserializeFromStream(model),
          json.getDouble("temperature", 1.0));
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException(new IOException("cannot load " + MODEL_RESOURCE, e));
    }
  }

  /** Words the model knows, for hashtag splitting. */
  java.util.Set<String> words() {
    return wordIds.keySet();
  }

  /** Word to feature id, for readers that resolve ids as they read ({@link FeatureReader}). */
  Map<String, Integer> vocabulary() {
    return wordIds;
  }

  Prediction predict(SentimentFeatures f) {
    Input x = input(f);
    double[] p = calibrate(scores(x), temperature);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    return new Prediction(p, CLASSES.get(best), p[best], drivers(x, best));
  }

  /** Uncalibrated class scores in {@link #CLASSES} order (for fitting the temperature). */
  double[] logits(SentimentFeatures f) {
    return scores(input(f));
  }

  /** Softmax of {@code logits / temperature}, computed by Tribuo. */
  static double[] calibrate(double[] logits, double temperature) {
    DenseVector v = DenseVector.createDenseVector(logits);
    v.scaleInPlace(1.0 / temperature);
    v.normalize(new ExpNormalizer());
    return v.toArray();
  }

  /** The linear model's class scores: bias plus weight times value over the known features. */
  private double[] scores(Input x) {
    double[] out = {weights[bias * K], weights[bias * K + 1], weights[bias * K + 2]};
    for (int i = 0; i < x.n; i++) {
      int base = x.ids[i] * K;
      double v = x.values[i];
      out[0] += v * weights[base];
      out[1] += v * weights[base + 1];
      out[2] += v * weights[base + 2];
    }
    return out;
  }

  /** The known features of one text as (id, value) pairs, rules first, then words in text order. */
  private record Input(int[] ids, double[] values, int n) {
  }

  private Input input(SentimentFeatures f) {
    int[] ids = new int[f.rules.length + f.wordCount];
    double[] values = new double[ids.length];
    int n = 0;
    for (int r = 0; r < f.rules.length; r++) {
      if (f.rules[r] != 0 && ruleIds[r] >= 0) {
        ids[n] = ruleIds[r];
        values[n++] = f.rules[r];
      }
    }
    boolean resolved = f.vocabulary == wordIds; // read by this model's reader: ids are known
    for (int w = 0; w < f.wordCount; w++) {
      int id = resolved ? f.ids[w] : wordIds.getOrDefault(f.words[w], -1);
      if (id >= 0) {
        ids[n] = id;
        values[n++] = 1.0;
      }
    }
    return new Input(ids, values, n);
  }

  /** The inputs that pushed most toward class {@code best}, relative to the others, strongest first. */
  private List<Contribution> drivers(Input x, int best) {
    int[] top = new int[MAX_DRIVERS]; // input positions, strongest first (insertion into a short list)
    double[] shares = new double[MAX_DRIVERS];
    int count = 0;
    for (int i = 0; i < x.n; i++) {
      int base = x.ids[i] * K; // the weight toward best minus the feature's mean weight
      double share = x.values[i] * (weights[base + best]
          - (weights[base] + weights[base + 1] + weights[base + 2]) / K);
      if (share <= MIN_SHARE || (count == MAX_DRIVERS && share <= shares[count - 1])) {
        continue;
      }
      int at = Math.min(count, MAX_DRIVERS - 1);
      while (at > 0 && shares[at - 1] < share) {
        shares[at] = shares[at - 1];
        top[at] = top[at - 1];
        at--;
      }
      shares[at] = share;
      top[at] = i;
      count = Math.min(count + 1, MAX_DRIVERS);
    }
    List<Contribution> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int id = x.ids[top[k]];
      out.add(new Contribution(featureNames[id], ruleOfId[id], shares[k], wordCues[id]));
    }
    return out;
  }
}
