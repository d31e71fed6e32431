package io.earshot.analytics;

import java.time.LocalDate;

/**
 * Where one fact counts: its day's document and its month's, kept in step by writing both from
 * the same delta. The month document holds the same counters as its days summed, except that
 * what a view needs by day stays reachable: hours by weekday ({@code mw.<0..6>.<HH>}, Monday 0)
 * instead of hours ({@code mh.<HH>}), and the series' counters per day of the month
 * ({@code d.<DD>.<field>}). So a long range is answered from whole months plus its edge days.
 * Pure; not thread-safe.
 */
final class RollupTarget {
  private final RollupDelta day;
  private final RollupDelta month;
  private final String dayOfMonth;
  private final int weekday;

  RollupTarget(RollupDelta day, RollupDelta month) {
    this.day = day;
    this.month = month;
    LocalDate date = LocalDate.parse(day.day());
    this.dayOfMonth = day.day().substring(8);
    this.weekday = date.getDayOfWeek().getValue() - 1;
  }

  void add(String field, long amount) {
    day.add(field, amount);
    if (field.startsWith("mh.")) {
      month.add("mw." + weekday + "." + field.substring(3), amount);
      return;
    }
    month.add(field, amount);
    if (Tally.DAILY.contains(field)) {
      month.add("d." + dayOfMonth + "." + field, amount);
    }
  }

  void add(String field, double amount) {
    day.add(field, amount);
    month.add(field, amount);
  }

  void keepLeast(String field, String value) {
    day.keepLeast(field, value);
    month.keepLeast(field, value);
  }

  void set(String field, Object value) {
    day.set(field, value);
    month.set(field, value);
  }

  void from(String eventId) {
    day.from(eventId);
    month.from(eventId);
  }
}
