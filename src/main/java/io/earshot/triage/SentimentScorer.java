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
    String[] lexiconWords = new String[2]; // several lexicon inputs name the same words: find them once
    for (SentimentModel.Contribution c : p.drivers()) {
      for (String cue : cues(c, read, lexiconWords)) {
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
  static List<String> cues(SentimentModel.Contribution c, FeatureReader.Read read, String[] lexiconWords) {
    RuleFeature rule = c.rule();
    if (rule == null) {
      return c.wordCue() != null ? c.wordCue() : List.of();
    }
    Evidence ev = read.reading().evidence();
    return switch (rule) {
      case COMPLAINT, STRONG_COMPLAINT -> each("care", ev.complaintPhrases(), rule);
      case PRAISE -> each("care", ev.praisePhrases(), rule);
      case NEGATION -> each("negation", ev.cuesOf("negation"), rule);
      case SARCASM -> each("sarcasm", ev.cuesOf("sarcasm"), rule);
      case BUT -> each("but", ev.cuesOf("but"), rule);
      case COMPOUND, POSITIVE, NEGATIVE, CARE_POSITIVE, CARE_NEGATIVE, RULES_POSITIVE, RULES_NEGATIVE,
          CARE_RULES_NEGATIVE -> List.of(lexicon(read, rule, lexiconWords));
      default -> List.of("care: " + rule.label());
    };
  }

  private static List<String> each(String kind, List<String> details, RuleFeature rule) {
    if (details.isEmpty()) {
      return List.of(kind + ": " + rule.label());
    }
    List<String> out = new ArrayList<>(details.size());
    for (String d : details) {
      out.add(kind + ": " + d);
    }
    return out;
  }

  /**
   * The words that carried the lexicon's verdict (at most three), or the rule's own words when
   * none did; {@code found} keeps the positive [0] and negative [1] words found so far.
   */
  private static String lexicon(FeatureReader.Read read, RuleFeature rule, String[] found) {
    boolean positive = rule == RuleFeature.POSITIVE || rule == RuleFeature.CARE_POSITIVE
        || rule == RuleFeature.RULES_POSITIVE
        || (rule == RuleFeature.COMPOUND && read.reading().compound() > 0);
    int side = positive ? 0 : 1;
    if (found[side] == null) {
      found[side] = lexiconWords(read, positive);
    }
    return found[side].isEmpty() ? "lexicon: " + rule.label() : "lexicon: " + found[side];
  }

  private static String lexiconWords(FeatureReader.Read read, boolean positive) {
    Tokens t = read.tokens();
    float[] v = read.reading().valences();
    Evidence ev = read.reading().evidence();
    List<String> negations = null;
    List<String> words = new ArrayList<>(3);
    for (int i = 0; i < t.size && words.size() < 3; i++) {
      if ((positive ? v[i] >= 0.5f : v[i] <= -0.5f) && !startsPhrase(ev, t.word(i))) {
        negations = negations == null ? ev.cuesOf("negation") : negations;
        words.add(negated(negations, t.word(i)));
      }
    }
    return String.join(", ", words);
  }

  /** A care phrase ("on hold") carries its valence on its first word; the phrase is its own cue. */
  private static boolean startsPhrase(Evidence ev, String word) {
    return startsOne(ev.complaintPhrases(), word) || startsOne(ev.praisePhrases(), word);
  }

  private static boolean startsOne(List<String> phrases, String word) {
    for (String p : phrases) {
      if (p.startsWith(word) && (p.length() == word.length() || p.charAt(word.length()) == ' ')) {
        return true;
      }
    }
    return false;
  }

  /** "good" read under a negator is shown as the negation that flipped it ("not good"). */
  private static String negated(List<String> negations, String word) {
    for (String n : negations) {
      int at = n.length() - word.length() - 1;
      if (at > 0 && n.endsWith(word) && n.charAt(at) == ' ') {
        return n;
      }
    }
    return word;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
