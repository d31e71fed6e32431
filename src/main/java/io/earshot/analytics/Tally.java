package io.earshot.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums flattened rollup documents (dotted field paths, as the store reads them), days', weeks'
 * and months' alike, of one brand × platform or summed over them (see {@link RollupTarget}), into
 * the overview's figures: counters add, histograms add bucket by bucket, examples keep the least.
 * Pure; one tally per range.
 */
final class Tally {
  static final List<String> LABELS = List.of("positive", "neutral", "negative");
  /** The counters the series shows per day (a month document keeps them per day too). */
  static final java.util.Set<String> DAILY = java.util.Set.of("mentions", "opened", "resolved",
      "s.positive.n", "s.neutral.n", "s.negative.n");
  final Map<String, Long> counts = new HashMap<>();
  final Map<String, Double> sums = new HashMap<>();
  final Map<String, Map<String, Long>> byDay = new TreeMap<>();
  final Map<String, String> examples = new HashMap<>();
  final long[][] hourOfWeek = new long[7][24];

  /** Adds a day document, or a week's or month's ({@code week} or {@code month} set instead of {@code day}). */
  void add(Map<String, Object> doc) {
    String month = (String) doc.get("month");
    String week = (String) doc.get("week");
    String day = month != null || week != null ? null : (String) doc.get("day");
    LocalDate weekStart = week == null ? null : Keys.weekStart(week);
    String platform = (String) doc.get("platform");
    Map<String, Long> dayCounts = day == null ? null : byDay.computeIfAbsent(day, d -> new HashMap<>());
    int weekday = day == null ? 0 : LocalDate.parse(day).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    doc.forEach((field, value) -> {
      if (field.startsWith("qx.")) {
        examples.merge(field.substring(3), (String) value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      } else if (value instanceof Double d && field.endsWith(".sum")) {
        sums.merge(field, d, Double::sum);
      } else if (value instanceof Number n && day == null && (field.startsWith("d.") || field.startsWith("mw."))) {
        countByDay(field, n.longValue(), month, weekStart);
      } else if (value instanceof Number n) {
        countField(field, n.longValue(), platform, dayCounts, weekday);
      }
    });
  }

  /** A week's or month's counter kept by day ({@code d.<DD|0..6>.<field>}) or by hour of the week. */
  private void countByDay(String field, long v, String month, LocalDate weekStart) {
    if (field.startsWith("mw.")) {
      hourOfWeek[field.charAt(3) - '0'][Integer.parseInt(field.substring(5))] += v;
      return;
    }
    int dot = field.indexOf('.', 2);
    String at = field.substring(2, dot);
    String day = month != null ? month + "-" + at : weekStart.plusDays(Integer.parseInt(at)).toString();
    byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(field.substring(dot + 1), v, Long::sum);
  }

  private void countField(String field, long v, String platform, Map<String, Long> dayCounts, int weekday) {
    if (dayCounts != null && field.startsWith("mh.")) {
      hourOfWeek[weekday][Integer.parseInt(field.substring(3))] += v;
      return;
    }
    counts.merge(field, v, Long::sum);
    // A document over all platforms holds its breakdown (p.<platform>.…) already.
    if (perPlatform(field) && !Keys.ALL.equals(platform)) {
      counts.merge("p." + platform + "." + field, v, Long::sum);
    }
    if (dayCounts != null && DAILY.contains(field)) {
      dayCounts.merge(field, v, Long::sum);
    }
  }

  /** The counters the overview lists per platform ({@code p.<platform>.<field>}): mentions and sentiment labels. */
  static boolean perPlatform(String field) {
    return field.equals("mentions") || field.startsWith("s.") && field.endsWith(".n");
  }

  long count(String field) {
    return counts.getOrDefault(field, 0L);
  }

  /** The fields under {@code prefix} (e.g. {@code "r."}), keyed by the rest of their name. */
  Map<String, Long> under(String prefix) {
    Map<String, Long> found = new LinkedHashMap<>();
    counts.forEach((k, v) -> {
      if (k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0) {
        found.put(k.substring(prefix.length()), v);
      }
    });
    return found;
  }

  /** A histogram's counts by bucket (fields {@code <name>.b.<bucket>}). */
  Map<Integer, Long> histogram(String name) {
    Map<Integer, Long> buckets = new HashMap<>();
    under(name + ".b.").forEach((b, v) -> buckets.put(Integer.parseInt(b), v));
    return buckets;
  }
}
