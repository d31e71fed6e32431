package io.earshot.store;

import java.time.Instant;
import java.util.Date;

/** BSON stores dates as {@link Date}; the domain speaks {@link Instant}. */
final class Dates {
  private Dates() {
  }

  static Date of(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
