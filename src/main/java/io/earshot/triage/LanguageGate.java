package io.earshot.triage;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells English from other languages so that a post in Spanish is flagged, not read with English
 * rules and called neutral. Three steps, cheapest first: the platform's own language tag when
 * the mention carries one; then the words themselves (a post whose words are mostly known
 * English words, with hardly any word typical of another language and no other script, is
 * English: almost all care traffic, one set lookup per word); only the rest goes to Lingua (a maintained
 * n-gram identifier, about a hundred times the cost of a score), choosing among
 * {@link #LANGUAGES}. Lingua's models load on its first question, once per process. Answers
 * ISO 639-1 codes ("en", "es"); "en" when unsure. Thread-safe.
 */
final class LanguageGate {
  static final String ENGLISH = "en";
  /** The languages Lingua chooses between; the fat jar ships only their models (see pom.xml). */
  static final Language[] LANGUAGES = {Language.ENGLISH, Language.SPANISH, Language.FRENCH,
      Language.GERMAN, Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH, Language.TURKISH,
      Language.INDONESIAN, Language.RUSSIAN, Language.ARABIC, Language.HINDI, Language.JAPANESE,
      Language.CHINESE, Language.KOREAN};
  /** Share of a post's words that must be known English words for it to skip Lingua. */
  static final double ENGLISH_SHARE = 0.5;
  /** Share of a post's words that may look foreign ("Le Pen", "en route") in an English post. */
  static final double FOREIGN_SHARE = 0.15;
  /** Fewer words than this say too little for Lingua; such a post is English unless marked. */
  private static final int MIN_WORDS = 3;

  private final Set<String> english;
  private final Map<String, Integer> vocabulary;
  /** By model feature id: the word is English (not one of {@link ForeignWords#MARKERS}). */
  private final boolean[] englishId;

  /**
   * {@code englishWords}: words seen in English text (the model's vocabulary, the lexicon);
   * {@code vocabulary}: the model's word feature ids, which a {@link FeatureReader} built on the
   * same model has already resolved, so most words need no lookup here.
   */
  LanguageGate(Set<String> englishWords, Map<String, Integer> vocabulary) {
    Set<String> words = new HashSet<>(englishWords);
    words.addAll(ForeignWords.ENGLISH_FUNCTION_WORDS);
    words.removeAll(ForeignWords.MARKERS);
    this.english = words; // a HashSet, never modified: see Lexicon
    this.vocabulary = vocabulary;
    this.englishId = new boolean[vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
    vocabulary.forEach((word, id) -> englishId[id] = !ForeignWords.MARKERS.contains(word));
  }

  /**
   * The language of the text as read: the platform's tag when it names a language
   * ({@code platformLang}, e.g. "en", "es-MX"; null, "und" or a pseudo-code such as "qme" mean
   * none), "en" when the words say so, Lingua's verdict otherwise.
   */
  String detect(FeatureReader.Read read, String platformLang) {
    String tagged = platformLanguage(platformLang);
    if (tagged != null) {
      return tagged;
    }
    return readsAsEnglish(read.features()) ? ENGLISH : lingua(read.tokens().text);
  }

  /**
   * The cheap test, over the distinct words (emoji, emoticons and numbers aside): at least half
   * are known English words, at most one in {@link #FOREIGN_SHARE} looks foreign (a function
   * word of another language, an accented letter: "Marine Le Pen" or "en route" stay English),
   * and none is in another script. On the public sets this leaves about one post in 250 for
   * Lingua (see docs/TRIAGE.md).
   */
  boolean readsAsEnglish(SentimentFeatures f) {
    boolean resolved = f.vocabulary == vocabulary;
    int words = 0;
    int known = 0;
    int foreign = 0;
    for (int k = 0; k < f.wordCount; k++) {
      String w = f.words[k];
      if (!Character.isLetter(w.charAt(0))) {
        continue;
      }
      words++;
      int id = resolved ? f.ids[k] : vocabulary.getOrDefault(w, -1);
      if (id >= 0 ? englishId[id] : english.contains(w)) {
        known++;
      } else if (ForeignWords.otherScript(w)) {
        return false;
      } else if (id >= 0 || ForeignWords.marks(w)) {
        foreign++;
      }
    }
    if (words < MIN_WORDS) {
      return foreign == 0;
    }
    return known >= ENGLISH_SHARE * words && foreign <= FOREIGN_SHARE * words;
  }

  /** ISO 639-1 code of a platform language tag, or null when the tag names no language. */
  static String platformLanguage(String tag) {
    if (tag == null || tag.length() < 2) {
      return null;
    }
    int end = 0;
    while (end < tag.length() && Character.isLetter(tag.charAt(end))) {
      end++;
    }
    // Twitter tags undetermined text "und", text without language "zxx", media-only "qme" etc.
    if (end != 2 || (end < tag.length() && tag.charAt(end) != '-' && tag.charAt(end) != '_')) {
      return null;
    }
    String code = tag.substring(0, 2).toLowerCase(Locale.ROOT);
    return switch (code) { // codes Twitter still sends from before ISO 639-1 changed them
      case "in" -> "id";
      case "iw" -> "he";
      case "ji" -> "yi";
      default -> code;
    };
  }

  /** Loads Lingua's models now (blocking: seconds, once per process) instead of at the first foreign post. */
  static void warmUp() {
    Lingua.DETECTOR.detectLanguageOf("buenos días, mi pedido no ha llegado todavía");
  }

  private static String lingua(String text) {
    Language language = Lingua.DETECTOR.detectLanguageOf(text);
    return language == Language.UNKNOWN ? ENGLISH
        : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  /** Built on first use (class initialization is lazy and thread-safe), shared by all engines. */
  private static final class Lingua {
    static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
        .withLowAccuracyMode().withMinimumRelativeDistance(0.1).build();
  }
}
