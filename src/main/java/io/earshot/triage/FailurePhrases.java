package io.earshot.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * "won't connect", "doesn't open", "can't change": a thing that fails to do its job is a
 * complaint without any negative word. "don't" and "didn't" are left out: with a person as
 * subject they report a choice ("I didn't send that"). Phrases in care.tsv override these.
 */
final class FailurePhrases {
  private static final List<String> NEGATED = List.of("won't", "wont", "doesn't", "doesnt",
      "isn't", "isnt", "not", "can't", "cant", "cannot", "couldn't", "couldnt", "unable to");
  private static final List<String> FAILING = List.of("work", "load", "loading", "open",
      "opening", "connect", "connecting", "start", "charge", "charging", "close", "play",
      "playing", "sync", "syncing", "update", "updating", "install", "send", "sending", "print",
      "pair", "turn on", "boot", "respond", "responding", "download", "upload", "stream");
  /** After "can't" almost any verb is an inability; these are the common ones in care traffic. */
  private static final List<String> UNABLE = List.of("find", "see", "change", "cancel", "reach",
      "use", "book", "pay", "add", "remove", "reset", "order", "contact", "watch", "buy", "check",
      "track", "claim", "transfer", "withdraw", "hear", "speak", "talk", "afford", "sign");
  static final float FAILING_VALENCE = -1.6f;

  static void addTo(PhraseMatcher<CareRules.Rule> matcher) {
    for (String negator : NEGATED) {
      boolean inability = negator.startsWith("can") || negator.startsWith("could")
          || negator.startsWith("unable");
      for (String verb : inability ? concat(FAILING, UNABLE) : FAILING) {
        String phrase = negator + " " + verb;
        matcher.add(phrase, new CareRules.Rule(phrase, FAILING_VALENCE,
            CareRules.Kind.COMPLAINT));
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private FailurePhrases() {
  }
}
