package io.earshot.triage;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads a text the way both training and scoring must: normalize and tokenize it, let the
 * lexicon and customer-care rules read it, and turn that reading into {@link SentimentFeatures}.
 * Thread-safe: everything it holds is immutable.
 */
final class FeatureReader {
  private final Tokenizer tokenizer;
  private final SentimentAnalyzer analyzer;

  /** One text as read: its tokens, the rules' reading and the model's inputs. */
  record Read(Tokens tokens, SentimentAnalyzer.Reading reading, SentimentFeatures features) {
  }

  FeatureReader(Lexicon lexicon, CareRules care, Set<String> knownWords) {
    Set<String> words = new HashSet<>(knownWords);
    lexicon.words().forEach(words::add);
    this.tokenizer = new Tokenizer(lexicon, new HashtagSegmenter(words));
    this.analyzer = new SentimentAnalyzer(lexicon, care);
  }

  Read read(String text) {
    Tokens tokens = tokenizer.tokenize(text);
    SentimentAnalyzer.Reading reading = analyzer.read(tokens);
    SentimentFeatures features = SentimentFeatures.of(tokens, reading.valences(),
        reading.compound(), reading.evidence());
    return new Read(tokens, reading, features);
  }
}
