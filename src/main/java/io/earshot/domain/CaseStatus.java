package io.earshot.domain;

/** Where a case stands in the inbox. */
public enum CaseStatus {
  NEW, OPEN, PENDING, RESOLVED;

  public String code() {
    return name().toLowerCase();
  }

  public static CaseStatus fromCode(String code) {
    return valueOf(code.toUpperCase());
  }
}
