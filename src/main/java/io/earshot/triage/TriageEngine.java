package io.earshot.triage;

import io.earshot.domain.Priority;
import io.earshot.domain.Reason;
import io.earshot.domain.Triage;
import java.time.Duration;
import java.util.List;

/**
 * Earshot's triage: a calibrated, explained sentiment model for customer-care text, contact
 * reasons and an explained priority, pure CPU and thread-safe (all state is immutable after
 * construction). {@link #score} never throws on odd text: null, empty, binary or megabyte-long
 * input is scored as best it can be. Construction fails with
 * {@link java.io.UncheckedIOException} if bundled data or the bundled model is missing.
 */
public final class TriageEngine implements Scorer {
  private final FeatureReader reader;
  private final SentimentScorer sentiment;
  private final ReasonMatcher reasons;
  private final PriorityModel priority;

  public TriageEngine(Taxonomy taxonomy, PriorityWeights weights) {
    this(Lexicon.standard(), CareRules.standard(), SentimentModel.standard(), taxonomy, weights);
  }

  TriageEngine(Lexicon lexicon, CareRules care, SentimentModel model, Taxonomy taxonomy,
               PriorityWeights weights) {
    this.reader = new FeatureReader(lexicon, care, model.words());
    this.sentiment = new SentimentScorer(model);
    this.reasons = new ReasonMatcher(taxonomy);
    this.priority = new PriorityModel(weights);
  }

  public static TriageEngine withDefaults() {
    return new TriageEngine(Taxonomy.defaults(), PriorityWeights.defaults());
  }

  @Override
  public Triage score(ScoringInput input) {
    String text = input == null ? null : input.text();
    FeatureReader.Read read = reader.read(text);
    Tokens tokens = read.tokens();
    SentimentScorer.Result s = sentiment.score(read);
    List<Reason> matched = reasons.match(tokens);
    ScoringInput in = input == null ? ScoringInput.ofText("") : input;
    Priority p = priority.priority(s.score(), reasons.urgencies(tokens), in, tokens,
        read.reading().evidence().request);
    return new Triage(s.score(), s.label(), s.confidence(), s.cues(), matched, p);
  }

  @Override
  public Priority rescore(Priority current, Duration waiting) {
    return priority.rescore(current, waiting);
  }
}
