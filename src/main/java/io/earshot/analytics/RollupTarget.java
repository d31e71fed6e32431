package io.earshot.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Where one fact counts: in three slices, its brand × platform, its brand over all platforms
 * ({@code platform *}) and all brands over all platforms ({@code brand *}, {@code platform *}),
 * and in each slice in its day's document, its ISO week's and its month's, kept in step by
 * writing all nine from the same delta. So an overview reads one document per period whatever
 * its filters (a platform alone: one per brand), not one per brand × platform. A slice over all
 * platforms also keeps the platform breakdown the overview lists ({@code p.<platform>.mentions},
 * {@code p.<platform>.s.<label>.n}), which a brand × platform document tells by its platform.
 * A week or month document holds the same counters as its days summed, except that what a view
 * needs by day stays reachable: hours by weekday ({@code mw.<0..6>.<HH>}, Monday 0) instead of
 * hours ({@code mh.<HH>}), and the series' counters per day ({@code d.<DD>.<field>} in a month
 * by day of the month, {@code d.<0..6>.<field>} in a week by weekday). So a range is answered
 * from its whole months, then its whole weeks, then the days at its edges. Pure; not thread-safe.
 */
final class RollupTarget {
  private final List<Periods> slices;
  private final String platform;

  /** @param slices the brand × platform's periods first, then those summed over platforms */
  RollupTarget(String platform, List<Periods> slices) {
    this.platform = platform;
    this.slices = slices;
  }

  void add(String field, long amount) {
    for (Periods s : slices) {
      s.add(field, amount);
      if (s.allPlatforms() && Tally.perPlatform(field)) {
        s.add("p." + platform + "." + field, amount);
      }
    }
  }

  void add(String field, double amount) {
    slices.forEach(s -> s.add(field, amount));
  }

  void keepLeast(String field, String value) {
    slices.forEach(s -> s.keepLeast(field, value));
  }

  void set(String field, Object value) {
    slices.forEach(s -> s.set(field, value));
  }

  void from(String eventId) {
    slices.forEach(s -> s.from(eventId));
  }

  /** One slice's day, week and month documents. */
  static final class Periods {
    private final RollupDelta day;
    private final RollupDelta week;
    private final RollupDelta month;
    private final boolean allPlatforms;
    private final String dayOfMonth;
    private final int weekday;

    Periods(RollupDelta day, RollupDelta week, RollupDelta month, boolean allPlatforms) {
      this.day = day;
      this.week = week;
      this.month = month;
      this.allPlatforms = allPlatforms;
      this.dayOfMonth = day.day().substring(8);
      this.weekday = LocalDate.parse(day.day()).getDayOfWeek().getValue() - 1;
    }

    boolean allPlatforms() {
      return allPlatforms;
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
}
