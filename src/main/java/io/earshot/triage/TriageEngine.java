package io.earshot.triage;

import io.earshot.domain.Priority;
import io.earshot.domain.Reason;
import io.earshot.domain.Triage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Earshot's triage: a calibrated, explained sentiment model for customer-care text (posts in
 * another language, by the platform's tag or by {@link LanguageGate}, are flagged with their
 * language and not read as English), contact reasons (per brand when a brand has its own
 * taxonomy) and an explained priority, pure CPU and thread-safe (all state is immutable after
 * construction). {@link #score} never throws on odd text: null, empty, binary or megabyte-long
 * input is scored as best it can be. Construction fails with
 * {@link java.io.UncheckedIOException} if bundled data or the bundled model is missing.
 */
public final class TriageEngine implements Scorer {
  private final FeatureReader reader;
  private final SentimentScorer sentiment;
  private final LanguageGate languages;
  private final ReasonMatcher reasons;
  private final Map<String, ReasonMatcher> brandReasons;
  private final PriorityModel priority;

  public TriageEngine(Taxonomy taxonomy, PriorityWeights weights) {
    this(taxonomy, Map.of(), weights);
  }

  /**
   * An engine whose contact reasons come from {@code brandTaxonomies} for a mention to one of
   * those brands ({@link ScoringInput#brand()}) and from {@code taxonomy} otherwise.
   */
  public TriageEngine(Taxonomy taxonomy, Map<String, Taxonomy> brandTaxonomies, PriorityWeights weights) {
    this(Lexicon.standard(), CareRules.standard(), SentimentModel.standard(), taxonomy,
        brandTaxonomies, weights);
  }

  TriageEngine(Lexicon lexicon, CareRules care, SentimentModel model, Taxonomy taxonomy,
               Map<String, Taxonomy> brandTaxonomies, PriorityWeights weights) {
    this.reader = new FeatureReader(lexicon, care, model);
    this.languages = new LanguageGate(reader.knownWords(), model.vocabulary());
    this.sentiment = new SentimentScorer(model);
    this.reasons = new ReasonMatcher(taxonomy);
    Map<String, ReasonMatcher> byBrand = new HashMap<>();
    brandTaxonomies.forEach((brand, t) -> byBrand.put(brand, new ReasonMatcher(t)));
    this.brandReasons = Map.copyOf(byBrand);
    this.priority = new PriorityModel(weights);
  }

  public static TriageEngine withDefaults() {
    return new TriageEngine(Taxonomy.defaults(), PriorityWeights.defaults());
  }

  @Override
  public Triage score(ScoringInput input) {
    ScoringInput in = input == null ? ScoringInput.ofText("") : input;
    FeatureReader.Read read = reader.read(in.text());
    Tokens tokens = read.tokens();
    String lang = languages.detect(read, in.lang());
    SentimentScorer.Result s = LanguageGate.ENGLISH.equals(lang) ? sentiment.score(read)
        : SentimentScorer.notEnglish(lang);
    ReasonMatcher matcher = in.brand() == null ? reasons : brandReasons.getOrDefault(in.brand(), reasons);
    List<Reason> matched = matcher.match(tokens, read.reading().evidence());
    Priority p = priority.priority(s.score(), matcher.urgencies(tokens), in, tokens,
        read.reading().evidence().request);
    return new Triage(s.score(), s.label(), s.confidence(), s.cues(), matched, p, lang);
  }

  @Override
  public void warmUp() {
    LanguageGate.warmUp();
  }

  @Override
  public Priority rescore(Priority current, Duration waiting) {
    return priority.rescore(current, waiting);
  }
}
