package io.earshot.triage;

import io.earshot.domain.Priority;
import io.earshot.domain.Reason;
import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import java.time.Duration;
import java.util.List;

/**
 * Earshot's triage: customer-care-aware sentiment, contact reasons and an explained priority,
 * pure CPU and thread-safe (all state is immutable after construction). {@link #score} never
 * throws on odd text: null, empty, binary or megabyte-long input is scored as best it can be.
 * Construction fails with {@link java.io.UncheckedIOException} if bundled data is missing.
 */
public final class TriageEngine implements Scorer {
  private final Tokenizer tokenizer;
  private final SentimentAnalyzer sentiment;
  private final ReasonMatcher reasons;
  private final PriorityModel priority;

  public TriageEngine(Taxonomy taxonomy, PriorityWeights weights) {
    this(Lexicon.standard(), CareRules.standard(), taxonomy, weights);
  }

  TriageEngine(Lexicon lexicon, CareRules care, Taxonomy taxonomy, PriorityWeights weights) {
    this.tokenizer = new Tokenizer(lexicon);
    this.sentiment = new SentimentAnalyzer(lexicon, care);
    this.reasons = new ReasonMatcher(taxonomy);
    this.priority = new PriorityModel(weights);
  }

  public static TriageEngine withDefaults() {
    return new TriageEngine(Taxonomy.defaults(), PriorityWeights.defaults());
  }

  @Override
  public Triage score(ScoringInput input) {
    String text = input == null ? null : input.text();
    Tokens tokens = tokenizer.tokenize(text);
    Evidence ev = new Evidence();
    double score = round(sentiment.score(tokens, ev));
    SentimentLabel label = SentimentAnalyzer.label(score);
    List<Reason> matched = reasons.match(tokens, score);
    ScoringInput in = input == null ? ScoringInput.ofText("") : input;
    Priority p = priority.priority(score, reasons.urgencies(tokens), in, tokens, ev.request);
    return new Triage(score, label, SentimentAnalyzer.confidence(score, ev), ev.cues(), matched, p);
  }

  @Override
  public Priority rescore(Priority current, Duration waiting) {
    return priority.rescore(current, waiting);
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
