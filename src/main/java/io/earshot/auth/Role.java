package io.earshot.auth;

/** What a person may do; checked server-side on every action. */
public enum Role {
  AGENT, MANAGER, MARKETER, ADMIN;

  public String code() {
    return name().toLowerCase();
  }

  public static Role fromCode(String code) {
    return valueOf(code.toUpperCase());
  }

  /** Agents, managers and admins work cases; marketers only read. */
  public boolean canWorkCases() {
    return this != MARKETER;
  }

  public boolean isAdmin() {
    return this == ADMIN;
  }
}
