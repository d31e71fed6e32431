package io.earshot.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup documents answer a range of UTC days: each whole calendar month inside it from its
 * month document, then each whole ISO week (Monday to Sunday) left from its week document, and
 * the days left at the edges from their day documents, for every brand × platform asked. A year
 * is then about a dozen months, a few weeks and a dozen days instead of 365 days; any 30 days
 * at most 4 weeks and 12 days. Pure.
 */
final class RangePlan {
  private RangePlan() {
  }

  /** The document ids; {@code months} false reads days only (what months and weeks must always agree with). */
  static List<String> ids(LocalDate from, LocalDate to, List<String> brands, List<String> platforms, boolean months) {
    List<String> ids = new ArrayList<>();
    for (String period : periods(from, to, months)) {
      brands.forEach(b -> platforms.forEach(p -> ids.add(Keys.docId(period, b, p))));
    }
    return ids;
  }

  /** The months ({@code 2026-11}), weeks ({@code 2026-W49}) and days ({@code 2026-12-01}) that together cover the range once. */
  static List<String> periods(LocalDate from, LocalDate to, boolean months) {
    List<String> periods = new ArrayList<>();
    LocalDate d = from;
    while (!d.isAfter(to)) {
      LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
      LocalDate weekEnd = d.plusDays(6);
      if (months && d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
        periods.add(Keys.month(d.toString()));
        d = monthEnd.plusDays(1);
      } else if (months && d.getDayOfWeek() == DayOfWeek.MONDAY && !weekEnd.isAfter(to) && !startsMonth(d, to)) {
        periods.add(Keys.week(d));
        d = weekEnd.plusDays(1);
      } else {
        periods.add(d.toString());
        d = d.plusDays(1);
      }
    }
    return periods;
  }

  /** Whether a whole month inside the range begins within the week from {@code monday}: its days go to the month. */
  private static boolean startsMonth(LocalDate monday, LocalDate to) {
    for (LocalDate d = monday.plusDays(1); d.isBefore(monday.plusDays(7)); d = d.plusDays(1)) {
      if (d.getDayOfMonth() == 1 && !d.withDayOfMonth(d.lengthOfMonth()).isAfter(to)) {
        return true;
      }
    }
    return false;
  }
}
