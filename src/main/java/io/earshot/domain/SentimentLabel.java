package io.earshot.domain;

/** Three-class sentiment; {@link #code()} is the public lower-case form. */
public enum SentimentLabel {
  POSITIVE, NEUTRAL, NEGATIVE;

  public String code() {
    return name().toLowerCase();
  }

  public static SentimentLabel fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
