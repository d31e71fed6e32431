package io.earshot.triage;

import java.util.Set;

/**
 * Word lists for {@link LanguageGate}'s cheap test. {@link #MARKERS} are frequent function words
 * of the other languages Lingua knows that are not English words ("que", "und", "het", "için"),
 * so one of them sends a post to Lingua even if most of its words look English (the model's
 * vocabulary holds some of them, learned from the odd foreign tweet in the training sets).
 * Words such as "die", "no", "me", "os" or "con" are left out: they are English too. A word
 * with a letter English does not use ("está", "ação", "für") marks a post the same way.
 */
final class ForeignWords {
  static final Set<String> MARKERS = WordSets.of(
      // Spanish
      "que", "el", "la", "los", "las", "del", "por", "para", "una", "muy", "pero", "como", "esta",
      "estoy", "nos", "gracias", "hola", "pues", "porque", "cuando", "donde", "todos", "ahora",
      "tengo", "tiene", "hace", "mis", "usted", "es", "lo", "se", "su", "de", "en",
      // French
      "les", "des", "une", "pas", "je", "nous", "vous", "avec", "dans", "sur", "mais", "merci",
      "bonjour", "c'est", "j'ai", "suis", "sont", "cette", "qui", "il", "elle", "ils", "du", "au",
      "ou", "mes", "votre", "leur", "depuis", "toujours", "rien", "le",
      // German
      "der", "das", "und", "ist", "nicht", "ich", "ein", "eine", "auf", "sie", "wir", "ihr", "von",
      "zu", "auch", "noch", "nur", "aber", "bei", "wie", "mein", "meine", "danke", "bitte", "seit",
      "kein", "keine", "schon",
      // Portuguese
      "uma", "muito", "obrigado", "obrigada", "meu", "minha", "estou", "isso", "esse", "essa",
      "ao", "pra", "ainda", "voce",
      // Italian
      "di", "che", "sono", "della", "grazie", "questo", "questa", "molto", "anche", "mio", "tutto",
      "ancora", "sempre",
      // Dutch
      "het", "een", "niet", "zijn", "ik", "voor", "maar", "ook", "nog", "wel", "bedankt", "mijn",
      "geen", "naar",
      // Turkish
      "bir", "ve", "bu", "gibi", "ile", "yok",
      // Indonesian
      "yang", "ini", "itu", "tidak", "saya", "untuk", "dengan", "ke", "dari", "terima", "kasih",
      "sudah", "belum", "bisa", "aku", "kamu");

  /** Function words that make a post English even when the model never saw them as features. */
  static final Set<String> ENGLISH_FUNCTION_WORDS = WordSets.of("the", "a", "an", "to", "i", "my", "is",
      "it", "for", "and", "of", "you", "your", "in", "on", "this", "that", "with", "was", "have",
      "be", "not", "but", "are", "at", "just", "so", "me", "we", "they", "can", "do", "don't",
      "what", "why", "how", "when", "will", "get", "got", "been", "has", "from", "there", "any",
      "all", "our", "us", "no", "yes", "thanks", "thank", "please", "still", "again", "i'm",
      "it's", "can't", "who", "if", "or", "would", "could", "should", "now", "out", "up", "about",
      "one", "after", "before", "its", "am", "did", "had", "were", "by", "he", "she", "them",
      "their", "here", "then", "than", "too", "very", "really");

  private ForeignWords() {
  }

  /** A marker word, or a Latin word with a letter English does not use (accents, ß, ı). */
  static boolean marks(String word) {
    if (MARKERS.contains(word)) {
      return true;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) {
        return true;
      }
    }
    return false;
  }

  /** A word with a letter of another script (Cyrillic, Arabic, Devanagari, CJK, Hangul...). */
  static boolean otherScript(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 0x250 && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }
}
