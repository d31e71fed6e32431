package io.earshot.domain;

import java.util.Arrays;
import java.util.Optional;

/** The social platforms Earshot speaks to; {@link #code()} is the stable public code. */
public enum Platform {
  X("x"), MASTODON("mastodon"), BLUESKY("bluesky"), REDDIT("reddit"),
  FACEBOOK("facebook"), INSTAGRAM("instagram"), THREADS("threads"), SANDBOX("sandbox");

  private final String code;

  Platform(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Platform> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
  }
}
