package io.earshot.auth;

import java.util.Locale;

/** What a person may do; a person holds one or more roles, checked server-side on every action. */
public enum Role {
  AGENT, MANAGER, MARKETER, ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this code; fails with {@link IllegalArgumentException} for an unknown one. */
  public static Role fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
