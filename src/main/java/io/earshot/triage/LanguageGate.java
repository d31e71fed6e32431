package io.earshot.triage;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Set;

/**
 * Tells English from other languages so that a post in Spanish is flagged, not read with English
 * rules and called neutral. Most care traffic is English and reads as such from its function
 * words alone, so Lingua (a maintained n-gram identifier) is asked only about the rest, and only
 * for the languages listed in {@link #LANGUAGES}; its models load on the first such question, so
 * start-up pays nothing. Answers ISO 639-1 codes ("en", "es"); "en" when unsure.
 */
final class LanguageGate {
  static final String ENGLISH = "en";
  /** The languages Lingua chooses between; the fat jar ships only their models (see pom.xml). */
  static final Language[] LANGUAGES = {Language.ENGLISH, Language.SPANISH, Language.FRENCH,
      Language.GERMAN, Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH, Language.TURKISH,
      Language.INDONESIAN, Language.RUSSIAN, Language.ARABIC, Language.HINDI, Language.JAPANESE,
      Language.CHINESE, Language.KOREAN};
  /** Share of a post's words that are English function words above which it is English. */
  private static final double ENGLISH_SHARE = 0.2;
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "to", "i", "my", "is",
      "it", "for", "and", "of", "you", "your", "in", "on", "this", "that", "with", "was", "have",
      "be", "not", "but", "are", "at", "just", "so", "me", "we", "they", "can", "do", "don't",
      "what", "why", "how", "when", "will", "get", "got", "been", "has", "from", "there", "any",
      "all", "our", "us", "no", "yes", "thanks", "thank", "please", "still", "again", "i'm", "it's",
      "can't", "who", "if", "or", "would", "could", "should", "now", "out", "up", "about",
      "one", "after", "before", "its", "am", "did", "had", "were", "by", "he", "she", "them",
      "their", "here", "then", "than", "too", "very", "really", "time", "day", "today", "back",
      "customer", "service", "flight", "help", "love", "great", "good", "new", "need");
  private static final int MIN_WORDS = 3;

  private volatile LanguageDetector detector;

  /** The language of the tokenized text: "en" quickly for English, Lingua's verdict otherwise. */
  String detect(Tokens t) {
    int words = 0;
    int english = 0;
    int foreignScript = 0;
    for (int i = 0; i < t.size; i++) {
      if (t.has(i, Tokens.SKIP | Tokens.EMOJI | Tokens.EMOTICON)) {
        continue;
      }
      String w = t.word(i);
      words++;
      english += FUNCTION_WORDS.contains(w) ? 1 : 0;
      foreignScript += Character.isLetter(w.charAt(0)) && w.charAt(0) > 0x24F ? 1 : 0;
    }
    if (foreignScript * 2 < words && (words < MIN_WORDS || english >= ENGLISH_SHARE * words)) {
      return ENGLISH;
    }
    Language language = detector().detectLanguageOf(t.text);
    return language == Language.UNKNOWN ? ENGLISH
        : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  private LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (this) {
        if (detector == null) {
          detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES).withLowAccuracyMode()
              .withMinimumRelativeDistance(0.1).build();
        }
        d = detector;
      }
    }
    return d;
  }
}
