package io.earshot.connector.bluesky;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of a reply the agent wrote, for the post record's {@code langs}: Bluesky's feeds
 * and translation use it, and copying the customer's tag would label an English answer to a
 * Spanish post as Spanish. The hub has no language identification yet, so this is a small,
 * deliberate heuristic that answers only when it is sure, and otherwise nothing (no
 * {@code langs} at all is honest; a wrong one is not):
 * <ul>
 *   <li>a script used by one language: kana → ja, Hangul → ko, Thai → th, Greek → el,
 *       Hebrew → he, Georgian → ka, Armenian → hy;</li>
 *   <li>Latin text: common function words of en, es, fr, de, pt, it, nl counted; a language
 *       wins with at least three hits and twice the runner-up's.</li>
 * </ul>
 * Cyrillic, Arabic and Han-only text (several languages each) get no tag.
 */
final class ReplyLanguage {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
      "en", Set.of("the", "and", "you", "your", "we", "is", "are", "to", "for", "of", "with", "this", "that", "it",
          "please", "thanks", "sorry", "our", "us", "can", "will", "have", "be", "on", "in"),
      "es", Set.of("el", "la", "los", "las", "y", "que", "de", "por", "para", "con", "su", "tu", "es", "una",
          "gracias", "lo", "sentimos", "nos", "estamos", "muy", "pedido", "en"),
      "fr", Set.of("le", "la", "les", "et", "vous", "votre", "nous", "est", "pour", "avec", "une", "des", "du",
          "merci", "désolé", "désolés", "sur", "pas", "ce", "dans"),
      "de", Set.of("der", "die", "das", "und", "sie", "ihre", "wir", "ist", "für", "mit", "ein", "eine", "danke",
          "nicht", "uns", "bitte", "es", "tut", "leid", "auf", "zu"),
      "pt", Set.of("o", "os", "as", "e", "você", "seu", "sua", "nós", "é", "para", "com", "um", "uma", "obrigado",
          "obrigada", "não", "do", "da", "desculpe", "pedido"),
      "it", Set.of("il", "lo", "gli", "e", "voi", "tuo", "suo", "noi", "è", "per", "con", "un", "una", "grazie",
          "non", "del", "della", "ci", "scusa", "ordine"),
      "nl", Set.of("de", "het", "en", "jij", "je", "uw", "wij", "we", "is", "voor", "met", "een", "bedankt",
          "niet", "ons", "sorry", "dank", "van", "bestelling"));

  private ReplyLanguage() {
  }

  static Optional<String> of(String text) {
    Optional<String> script = byScript(text);
    return script.isPresent() ? script : byWords(text);
  }

  private static Optional<String> byScript(String text) {
    int[] counts = new int[7];
    text.codePoints().forEach(cp -> {
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      switch (s) {
        case HIRAGANA, KATAKANA -> counts[0]++;
        case HANGUL -> counts[1]++;
        case THAI -> counts[2]++;
        case GREEK -> counts[3]++;
        case HEBREW -> counts[4]++;
        case GEORGIAN -> counts[5]++;
        case ARMENIAN -> counts[6]++;
        default -> { }
      }
    });
    String[] codes = {"ja", "ko", "th", "el", "he", "ka", "hy"};
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] >= 2) {
        return Optional.of(codes[i]);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> byWords(String text) {
    Map<String, Integer> hits = new java.util.HashMap<>();
    Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find()) {
      String w = words.group();
      FUNCTION_WORDS.forEach((lang, set) -> {
        if (set.contains(w)) {
          hits.merge(lang, 1, Integer::sum);
        }
      });
    }
    String best = null;
    int first = 0;
    int second = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > first) {
        second = first;
        first = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    return first >= 3 && first >= 2 * second ? Optional.of(best) : Optional.empty();
  }
}
