package io.earshot.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup documents answer a range of UTC days: each whole calendar month inside it from its
 * month document, the days at its edges from their day documents, for every brand × platform
 * asked. A year is then about a dozen months and a few dozen days instead of 365 days. Pure.
 */
final class RangePlan {
  private RangePlan() {
  }

  /** The document ids; {@code months} false reads days only (what a month must always agree with). */
  static List<String> ids(LocalDate from, LocalDate to, List<String> brands, List<String> platforms, boolean months) {
    List<String> ids = new ArrayList<>();
    for (String period : periods(from, to, months)) {
      brands.forEach(b -> platforms.forEach(p -> ids.add(Keys.docId(period, b, p))));
    }
    return ids;
  }

  /** The months ({@code 2026-11}) and days ({@code 2026-12-01}) that together cover the range once. */
  static List<String> periods(LocalDate from, LocalDate to, boolean months) {
    List<String> periods = new ArrayList<>();
    LocalDate d = from;
    while (!d.isAfter(to)) {
      LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
      if (months && d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
        periods.add(Keys.month(d.toString()));
        d = monthEnd.plusDays(1);
      } else {
        periods.add(d.toString());
        d = d.plusDays(1);
      }
    }
    return periods;
  }
}
