package io.earshot.triage;

import io.earshot.domain.SentimentLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentiment of one read text from the trained model: a -1..1 score (the probability of
 * positive minus that of negative), the most probable label with its calibrated probability as
 * confidence, an "unsure" flag below {@link #UNSURE_BELOW}, and as cues the inputs that drove
 * the decision, in the words of the rules that produced them.
 */
final class SentimentScorer {
  /** Below this calibrated probability the label is shown as unsure. */
  static final double UNSURE_BELOW = io.earshot.domain.Triage.UNSURE_BELOW;
  private static final int MAX_CUES = 6;

  private final SentimentModel model;

  /** The verdict on one text. */
  record Result(double score, SentimentLabel label, double confidence, boolean unsure,
                List<String> cues) {
  }

  SentimentScorer(SentimentModel model) {
    this.model = model;
  }

  Result score(FeatureReader.Read read) {
    SentimentModel.Prediction p = model.predict(read.features());
    double score = round(p.probability(SentimentLabel.POSITIVE) - p.probability(SentimentLabel.NEGATIVE));
    List<String> cues = new ArrayList<>(MAX_CUES);
    for (SentimentModel.Contribution c : p.drivers()) {
      for (String cue : cues(c.feature(), read)) {
        if (!cues.contains(cue) && cues.size() < MAX_CUES) {
          cues.add(cue);
        }
      }
    }
    return new Result(score, p.label(), round(p.confidence()), p.confidence() < UNSURE_BELOW, cues);
  }

  /**
   * A post in another language: English rules and an English-trained model would read noise,
   * so it is neutral, flagged unsure, and says why; the language travels with the result.
   */
  static Result notEnglish(String lang) {
    return new Result(0.0, SentimentLabel.NEUTRAL, 0.34, true,
        List.of("language: " + lang + " (not scored as English)"));
  }

  /** Says in the rules' words what one model input stood for in this text (one cue per phrase). */
  static List<String> cues(String feature, FeatureReader.Read read) {
    if (feature.startsWith("w:")) {
      return List.of("word: " + feature.substring(2));
    }
    Evidence ev = read.reading().evidence();
    RuleFeature rule = ruleOf(feature);
    if (rule == null) {
      return List.of();
    }
    return switch (rule) {
      case COMPLAINT, STRONG_COMPLAINT -> each("care", ev.complaintPhrases(), rule);
      case PRAISE -> each("care", ev.praisePhrases(), rule);
      case NEGATION -> each("negation", ev.cuesOf("negation"), rule);
      case SARCASM -> each("sarcasm", ev.cuesOf("sarcasm"), rule);
      case BUT -> each("but", ev.cuesOf("but"), rule);
      case COMPOUND, POSITIVE, NEGATIVE, CARE_POSITIVE, CARE_NEGATIVE, RULES_POSITIVE, RULES_NEGATIVE,
          CARE_RULES_NEGATIVE -> List.of(lexicon(read, rule));
      default -> List.of("care: " + rule.label());
    };
  }

  private static List<String> each(String kind, List<String> details, RuleFeature rule) {
    if (details.isEmpty()) {
      return List.of(kind + ": " + rule.label());
    }
    return details.stream().map(d -> kind + ": " + d).toList();
  }

  private static RuleFeature ruleOf(String feature) {
    for (RuleFeature r : RuleFeature.values()) {
      if (r.featureName().equals(feature)) {
        return r;
      }
    }
    return null;
  }

  /** The words that carried the lexicon's verdict, strongest first (at most three). */
  private static String lexicon(FeatureReader.Read read, RuleFeature rule) {
    Tokens t = read.tokens();
    float[] v = read.reading().valences();
    boolean positive = rule == RuleFeature.POSITIVE || rule == RuleFeature.CARE_POSITIVE
        || rule == RuleFeature.RULES_POSITIVE
        || (rule == RuleFeature.COMPOUND && read.reading().compound() > 0);
    Evidence ev = read.reading().evidence();
    List<String> words = new ArrayList<>(3);
    for (int i = 0; i < t.size && words.size() < 3; i++) {
      if ((positive ? v[i] >= 0.5f : v[i] <= -0.5f) && !startsPhrase(ev, t.word(i))) {
        words.add(negated(ev, t.word(i)));
      }
    }
    return words.isEmpty() ? "lexicon: " + rule.label() : "lexicon: " + String.join(", ", words);
  }

  /** A care phrase ("on hold") carries its valence on its first word; the phrase is its own cue. */
  private static boolean startsPhrase(Evidence ev, String word) {
    for (List<String> phrases : List.of(ev.complaintPhrases(), ev.praisePhrases())) {
      for (String p : phrases) {
        if (p.equals(word) || p.startsWith(word + " ")) {
          return true;
        }
      }
    }
    return false;
  }

  /** "good" read under a negator is shown as the negation that flipped it ("not good"). */
  private static String negated(Evidence ev, String word) {
    for (String n : ev.cuesOf("negation")) {
      if (n.endsWith(" " + word)) {
        return n;
      }
    }
    return word;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
