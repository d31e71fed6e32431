package io.earshot.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who can read a customer's message or a brand's answer: everyone ({@link #PUBLIC}: a post, a
 * reply in a public thread) or only the people in the conversation ({@link #PRIVATE}: a direct
 * message, a Mastodon direct-visibility status). Private text stays inside the case: it never
 * feeds public views, analytics samples or detection phrases. {@link #code()} is the API's word.
 */
public enum Visibility {
  PUBLIC("public"), PRIVATE("private");

  private final String code;

  Visibility(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Visibility> fromCode(String code) {
    return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
  }

  /** A stored document without the field was written before private messages existed: public. */
  public static Visibility orPublic(String code) {
    return code == null ? PUBLIC : fromCode(code).orElse(PUBLIC);
  }
}
