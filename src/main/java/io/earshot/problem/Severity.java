package io.earshot.problem;

import io.earshot.error.DomainError;
import java.util.Arrays;
import java.util.Locale;

/** How bad a Problem (or an alert) is; an alert's severity grows with how far observed exceeds expected. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity fromCode(String code, String field) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
        .orElseThrow(() -> new DomainError.Invalid(field, "must be one of low, medium, high, critical"));
  }

  /** From the ratio of observed to expected volume (or the size of a sentiment fall, scaled). */
  public static Severity ofExcess(double ratio) {
    return ratio >= 10 ? CRITICAL : ratio >= 6 ? HIGH : ratio >= 4 ? MEDIUM : LOW;
  }
}
