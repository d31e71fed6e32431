package io.earshot.analytics;

import java.time.LocalDate;

/**
 * Where one fact counts: its day's document, its ISO week's and its month's, kept in step by
 * writing all three from the same delta. A week or month document holds the same counters as
 * its days summed, except that what a view needs by day stays reachable: hours by weekday
 * ({@code mw.<0..6>.<HH>}, Monday 0) instead of hours ({@code mh.<HH>}), and the series'
 * counters per day ({@code d.<DD>.<field>} in a month by day of the month, {@code d.<0..6>.<field>}
 * in a week by weekday). So a range is answered from its whole months, then its whole weeks,
 * then the days at its edges. Pure; not thread-safe.
 */
final class RollupTarget {
  private final RollupDelta day;
  private final RollupDelta week;
  private final RollupDelta month;
  private final String dayOfMonth;
  private final int weekday;

  RollupTarget(RollupDelta day, RollupDelta week, RollupDelta month) {
    this.day = day;
    this.week = week;
    this.month = month;
    this.dayOfMonth = day.day().substring(8);
    this.weekday = LocalDate.parse(day.day()).getDayOfWeek().getValue() - 1;
  }

  void add(String field, long amount) {
    day.add(field, amount);
    if (field.startsWith("mh.")) {
      String hourOfWeek = "mw." + weekday + "." + field.substring(3);
      week.add(hourOfWeek, amount);
      month.add(hourOfWeek, amount);
      return;
    }
    week.add(field, amount);
    month.add(field, amount);
    if (Tally.DAILY.contains(field)) {
      week.add("d." + weekday + "." + field, amount);
      month.add("d." + dayOfMonth + "." + field, amount);
    }
  }

  void add(String field, double amount) {
    day.add(field, amount);
    week.add(field, amount);
    month.add(field, amount);
  }

  void keepLeast(String field, String value) {
    day.keepLeast(field, value);
    week.keepLeast(field, value);
    month.keepLeast(field, value);
  }

  void set(String field, Object value) {
    day.set(field, value);
    week.set(field, value);
    month.set(field, value);
  }

  void from(String eventId) {
    day.from(eventId);
    week.from(eventId);
    month.from(eventId);
  }
}
