package io.earshot.domain.sla;

import io.earshot.error.DomainError;

/**
 * One opening of a day, in minutes of the local day: {@code from} 0..1439, {@code to} 1..1440
 * (1440 is midnight at the end of the day). A span whose end is not after its start runs
 * overnight and closes on the next day ({@code 22:00-06:00}).
 */
public record OpeningSpan(int from, int to) {
  public static final int DAY = 24 * 60;

  public OpeningSpan {
    if (from < 0 || from >= DAY || to < 0 || to > DAY || from == to) {
      throw new DomainError.Invalid("hours", "an opening must be HH:mm-HH:mm with two different times");
    }
  }

  public boolean overnight() {
    return to < from || (to == 0 && from > 0);
  }

  /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is accepted as an end. */
  public static OpeningSpan parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("-");
    if (parts.length != 2) {
      throw new DomainError.Invalid("hours", "'" + text + "' is not HH:mm-HH:mm");
    }
    return new OpeningSpan(minute(parts[0], text, false), minute(parts[1], text, true));
  }

  private static int minute(String hhmm, String text, boolean end) {
    if (!hhmm.matches("\\d\\d:\\d\\d")) {
      throw new DomainError.Invalid("hours", "'" + text + "' is not HH:mm-HH:mm");
    }
    int h = Integer.parseInt(hhmm.substring(0, 2));
    int m = Integer.parseInt(hhmm.substring(3));
    boolean midnightEnd = end && h == 24 && m == 0;
    if (!midnightEnd && (h > 23 || m > 59)) {
      throw new DomainError.Invalid("hours", "'" + text + "' has a time outside 00:00-24:00");
    }
    return h * 60 + m;
  }

  @Override
  public String toString() {
    return String.format("%02d:%02d-%02d:%02d", from / 60, from % 60, to / 60, to % 60);
  }
}
