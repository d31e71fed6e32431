package io.earshot.problem.detect;

import io.earshot.problem.Alert;

/** Names of what the detector counts: {@code r|brand|reason}, {@code s|brand}, {@code p|brand|phrase}. */
final class Keys {
  static final String REASON = "r|";
  static final String SENTIMENT = "s|";
  static final String PHRASE = "p|";

  private Keys() {
  }

  static String reason(String brand, String reason) {
    return REASON + brand + "|" + reason;
  }

  static String sentiment(String brand) {
    return SENTIMENT + brand;
  }

  static String phrase(String brand, String phrase) {
    return PHRASE + brand + "|" + phrase;
  }

  static boolean isReason(String key) {
    return key.startsWith(REASON);
  }

  static boolean isPhrase(String key) {
    return key.startsWith(PHRASE);
  }

  static boolean isSentiment(String key) {
    return key.startsWith(SENTIMENT);
  }

  static String brand(String key) {
    String rest = key.substring(2);
    int bar = rest.indexOf('|');
    return bar < 0 ? rest : rest.substring(0, bar);
  }

  /** The reason or phrase named by the key (null for sentiment). */
  static String value(String key) {
    String rest = key.substring(2);
    int bar = rest.indexOf('|');
    return bar < 0 ? null : rest.substring(bar + 1);
  }

  static String of(Alert a) {
    if (Alert.SENTIMENT.equals(a.kind())) {
      return sentiment(a.brand());
    }
    return a.reason() != null ? reason(a.brand(), a.reason()) : phrase(a.brand(), a.phrase());
  }
}
