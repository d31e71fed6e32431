package io.earshot.triage;

import java.util.Map;

/**
 * A light English lemmatizer for matching contact-reason phrases: plural nouns and regular verb
 * forms map to one key ("flights" and "flight", "canceled", "cancelled" and "cancelling" to
 * "cancel", "attendants" to "attendant", "charged" and "charges" to "charge"). It is applied to
 * the phrases and to the text alike, so a key only has to be consistent, not a dictionary word.
 * Short words, words with digits and apostrophes are kept as they are.
 */
final class Lemmas {
  private static final Map<String, String> IRREGULAR = WordSets.copyOf(Map.ofEntries(
      Map.entry("was", "be"), Map.entry("were", "be"), Map.entry("is", "be"), Map.entry("are", "be"),
      Map.entry("been", "be"), Map.entry("has", "have"), Map.entry("had", "have"),
      Map.entry("lost", "lose"), Map.entry("paid", "pay"), Map.entry("sent", "send"),
      Map.entry("bought", "buy"), Map.entry("took", "take"), Map.entry("taken", "take"),
      Map.entry("got", "get"), Map.entry("gotten", "get"), Map.entry("came", "come"),
      Map.entry("left", "leave"), Map.entry("broke", "break"), Map.entry("broken", "break"),
      Map.entry("stole", "steal"), Map.entry("stolen", "steal"), Map.entry("flew", "fly"),
      Map.entry("flown", "fly"), Map.entry("flies", "fly"), Map.entry("told", "tell"),
      Map.entry("said", "say"), Map.entry("children", "child"), Map.entry("people", "person"),
      Map.entry("women", "woman"), Map.entry("men", "man"), Map.entry("bags", "bag"),
      Map.entry("news", "news"), Map.entry("status", "status"), Map.entry("bus", "bus"),
      Map.entry("gas", "gas"), Map.entry("plus", "plus"), Map.entry("miss", "miss"),
      Map.entry("cancelled", "cancel"), Map.entry("cancelling", "cancel"),
      Map.entry("canceled", "cancel"), Map.entry("canceling", "cancel"),
      Map.entry("travelled", "travel"), Map.entry("travelling", "travel"),
      Map.entry("labelled", "label"), Map.entry("refuelling", "refuel")));

  private Lemmas() {
  }

  static String of(String word) {
    String irregular = IRREGULAR.get(word);
    if (irregular != null) {
      return irregular;
    }
    int n = word.length();
    if (n <= 3 || !plainWord(word)) {
      return word;
    }
    if (word.endsWith("ies") && n > 4) {
      return word.substring(0, n - 3) + "y";
    }
    if (word.endsWith("ing") && n > 5) {
      return verbStem(word.substring(0, n - 3));
    }
    if (word.endsWith("ed") && n > 4) {
      return verbStem(word.substring(0, n - 2));
    }
    if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
      return word.substring(0, n - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
      return dropE(word.substring(0, n - 1));
    }
    return dropE(word);
  }

  /** "stopp" and "stop", "charg" and "charge" meet: a doubled final consonant and a final 'e' go. */
  private static String verbStem(String stem) {
    int n = stem.length();
    char last = n > 0 ? stem.charAt(n - 1) : ' ';
    if (n >= 3 && last == stem.charAt(n - 2) && !vowel(last) && "lszf".indexOf(last) < 0) {
      return stem.substring(0, n - 1);
    }
    return dropE(stem);
  }

  private static String dropE(String w) {
    return w.length() > 3 && w.endsWith("e") && !w.endsWith("ee") ? w.substring(0, w.length() - 1) : w;
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean plainWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
