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
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.util.ExpNormalizer;

/**
 * The trained sentiment model: Tribuo multinomial logistic regression over {@link
 * SentimentFeatures}, with a temperature that calibrates its probabilities (fitted on sources
 * the model was not trained on; see {@link ModelTrainer}). The trained weights are applied with
 * Tribuo's own matrix code on a feature vector built from ids resolved once here, so scoring
 * looks up no feature names. Immutable and thread-safe after construction.
 */
final class SentimentModel {
  static final String MODEL_RESOURCE = "triage/sentiment-model.tribuo";
  static final String META_RESOURCE = "triage/sentiment-model.json";
  static final List<SentimentLabel> CLASSES = List.of(SentimentLabel.POSITIVE,
      SentimentLabel.NEUTRAL, SentimentLabel.NEGATIVE);

  /** One input's share in the decision for the predicted class. */
  record Contribution(String feature, double value) {
  }

  /** Calibrated probabilities in {@link #CLASSES} order, the predicted label and its drivers. */
  record Prediction(double[] probabilities, SentimentLabel label, double confidence,
                    List<Contribution> drivers) {
    double probability(SentimentLabel l) {
      return probabilities[CLASSES.indexOf(l)];
    }
  }

  private final DenseMatrix weights;
  private final int dimension;
  private final int[] ruleIds;
  private final Map<String, Integer> wordIds;
  private final String[] featureNames;
  /** Tribuo's output id for each entry of {@link #CLASSES}. */
  private final int[] outputIds;
  private final double temperature;

  SentimentModel(LinearSGDModel model, double temperature) {
    ImmutableFeatureMap features = model.getFeatureIDMap();
    this.weights = model.getWeightsCopy();
    this.dimension = features.size() + 1;
    this.temperature = temperature;
    this.featureNames = new String[features.size()];
    this.wordIds = new HashMap<>(features.size() * 2);
    for (VariableInfo info : features) {
      VariableIDInfo id = (VariableIDInfo) info;
      featureNames[id.getID()] = id.getName();
      if (id.getName().startsWith("w:")) {
        wordIds.put(id.getName().substring(2), id.getID());
      }
    }
    this.ruleIds = new int[RuleFeature.values().length];
    for (RuleFeature r : RuleFeature.values()) {
      ruleIds[r.ordinal()] = features.getID(r.featureName());
    }
    this.outputIds = new int[CLASSES.size()];
    for (int k = 0; k < CLASSES.size(); k++) {
      outputIds[k] = model.getOutputIDInfo().getID(new Label(CLASSES.get(k).code()));
    }
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

  Prediction predict(SentimentFeatures f) {
    Input x = input(f);
    double[] p = calibrate(scores(x), temperature);
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    return new Prediction(p, CLASSES.get(best), p[best], drivers(x, outputIds[best]));
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

  private double[] scores(Input x) {
    SparseVector vector = SparseVector.createSparseVector(dimension, trim(x.ids, x.n), trim(x.values, x.n));
    DenseVector raw = weights.leftMultiply(vector);
    double[] out = new double[CLASSES.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = raw.get(outputIds[k]);
    }
    return out;
  }

  /** The known features of one text as sorted (id, value) pairs, Tribuo's bias last. */
  private record Input(int[] ids, double[] values, int n) {
  }

  private Input input(SentimentFeatures f) {
    int[] ids = new int[f.rules.length + f.wordCount + 1];
    double[] values = new double[ids.length];
    int n = 0;
    for (int r = 0; r < f.rules.length; r++) {
      if (f.rules[r] != 0 && ruleIds[r] >= 0) {
        ids[n] = ruleIds[r];
        values[n++] = f.rules[r];
      }
    }
    for (int w = 0; w < f.wordCount; w++) {
      Integer id = wordIds.get(f.words[w]);
      if (id != null) {
        ids[n] = id;
        values[n++] = 1.0;
      }
    }
    sortByIndex(ids, values, n);
    ids[n] = dimension - 1;
    values[n++] = 1.0;
    return new Input(ids, values, n);
  }

  /** The inputs that pushed most toward the predicted class, relative to the others, strongest first. */
  private List<Contribution> drivers(Input x, int output) {
    int[] ids = x.ids;
    double[] values = x.values;
    List<Contribution> out = new ArrayList<>(4);
    for (int i = 0; i < x.n - 1; i++) {
      double mean = 0;
      for (int k = 0; k < outputIds.length; k++) {
        mean += weights.get(outputIds[k], ids[i]) / outputIds.length;
      }
      double share = values[i] * (weights.get(output, ids[i]) - mean);
      if (share > 0.05) {
        out.add(new Contribution(featureNames[ids[i]], share));
      }
    }
    out.sort((a, b) -> Double.compare(b.value(), a.value()));
    return out.size() > 5 ? out.subList(0, 5) : out;
  }

  private static void sortByIndex(int[] ids, double[] values, int n) {
    for (int i = 1; i < n; i++) {
      int id = ids[i];
      double v = values[i];
      int j = i - 1;
      while (j >= 0 && ids[j] > id) {
        ids[j + 1] = ids[j];
        values[j + 1] = values[j];
        j--;
      }
      ids[j + 1] = id;
      values[j + 1] = v;
    }
  }

  private static int[] trim(int[] a, int n) {
    return n == a.length ? a : java.util.Arrays.copyOf(a, n);
  }

  private static double[] trim(double[] a, int n) {
    return n == a.length ? a : java.util.Arrays.copyOf(a, n);
  }
}
