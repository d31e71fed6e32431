package io.earshot.connector.http;

import io.earshot.connector.ConnectorAccount;

/** Reads tuning options of an account file, which may hold numbers or numeric strings. */
public final class Options {
  private Options() {
  }

  /** The option as an int within [min, max]; the fallback when absent or not a number. */
  public static int intOption(ConnectorAccount account, String key, int fallback, int min, int max) {
    Object value = account.options().get(key);
    int parsed = fallback;
    if (value instanceof Number n) {
      parsed = n.intValue();
    } else if (value instanceof String s) {
      try {
        parsed = Integer.parseInt(s.trim());
      } catch (NumberFormatException notANumber) {
        parsed = fallback;
      }
    }
    return Math.max(min, Math.min(max, parsed));
  }

  /** The option as a boolean (true/false or their strings); the fallback when absent or unreadable. */
  public static boolean boolOption(ConnectorAccount account, String key, boolean fallback) {
    Object value = account.options().get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.trim());
    }
    return fallback;
  }
}
