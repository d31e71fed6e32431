package io.earshot.triage;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a text the way both training and scoring must: normalize and tokenize it, let the
 * lexicon and customer-care rules read it, and turn that reading into {@link SentimentFeatures}.
 * A reader built on a model's vocabulary also resolves each word's feature id as it reads, so
 * the model and the language gate look no word up again. Thread-safe: everything it holds is
 * immutable.
 */
final class FeatureReader {
  private final Tokenizer tokenizer;
  private final SentimentAnalyzer analyzer;
  private final Set<String> knownWords;
  /** Word to model feature id, or null for a reader that trains a model. */
  private final Map<String, Integer> vocabulary;

  /** One text as read: its tokens, the rules' reading and the model's inputs. */
  record Read(Tokens tokens, SentimentAnalyzer.Reading reading, SentimentFeatures features) {
  }

  /** A reader for training: {@code knownWords} split hashtags (with the lexicon's words). */
  FeatureReader(Lexicon lexicon, CareRules care, Set<String> knownWords) {
    this(lexicon, care, knownWords, null);
  }

  /** A reader for {@code model}: its words split hashtags, and their feature ids are resolved. */
  FeatureReader(Lexicon lexicon, CareRules care, SentimentModel model) {
    this(lexicon, care, model.words(), model.vocabulary());
  }

  private FeatureReader(Lexicon lexicon, CareRules care, Set<String> knownWords,
                        Map<String, Integer> vocabulary) {
    Set<String> words = new HashSet<>(knownWords);
    lexicon.words().forEach(words::add);
    this.knownWords = java.util.Collections.unmodifiableSet(words); // HashSet: see Lexicon
    this.vocabulary = vocabulary;
    this.tokenizer = new Tokenizer(lexicon, new HashtagSegmenter(this.knownWords),
        new WordTable(lexicon, vocabulary));
    this.analyzer = new SentimentAnalyzer(care);
  }

  /** The words this reader knows as English: the model's vocabulary and the lexicon. */
  Set<String> knownWords() {
    return knownWords;
  }

  Read read(String text) {
    Tokens tokens = tokenizer.tokenize(text);
    SentimentAnalyzer.Reading reading = analyzer.read(tokens);
    SentimentFeatures features = SentimentFeatures.of(tokens, reading.valences(),
        reading.compound(), reading.evidence(), vocabulary);
    return new Read(tokens, reading, features);
  }
}
