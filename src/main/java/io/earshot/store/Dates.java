package io.earshot.store;

import java.time.Instant;
import java.util.Date;

/**
 * BSON stores dates as {@link Date} (milliseconds since 1970 in a long); the domain speaks
 * {@link Instant}, whose range is far wider. Ingest refuses dates outside 2000–2100 before they
 * get here ({@code MentionRules}); this conversion still names the value it cannot hold instead
 * of failing with a bare arithmetic overflow.
 */
final class Dates {
  private Dates() {
  }

  static Date of(Instant instant) {
    if (instant == null) {
      return null;
    }
    try {
      return Date.from(instant);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("date " + instant + " is outside what the store can hold", e);
    }
  }

  static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
