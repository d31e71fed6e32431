package io.earshot.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overview's figures counted by the test itself, straight from the records the API shows
 * (each mention with its triage, each case with its times): no rollup is involved.
 */
final class ExpectedFigures {
  final long mentions;
  final Map<String, Long> sentiment = new HashMap<>();
  final Map<String, Long> reasons = new TreeMap<>();
  final Map<String, Long> platforms = new TreeMap<>();
  final long[][] hours = new long[7][24];
  final Map<String, Long> perDay = new TreeMap<>();

  ExpectedFigures(List<JsonObject> stored, LocalDate from, LocalDate to, String brand, String platform) {
    long n = 0;
    for (JsonObject m : stored) {
      Instant at = Instant.parse(m.getString("createdAt"));
      LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
      if (day.isBefore(from) || day.isAfter(to) || !matches(m, brand, platform)) {
        continue;
      }
      n++;
      JsonObject triage = m.getJsonObject("triage");
      sentiment.merge(triage.getString("label"), 1L, Long::sum);
      triage.getJsonArray("reasons").forEach(r -> reasons.merge(((JsonObject) r).getString("code"), 1L, Long::sum));
      platforms.merge(m.getString("platform"), 1L, Long::sum);
      hours[day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()][at.atZone(ZoneOffset.UTC).getHour()]++;
      perDay.merge(day.toString(), 1L, Long::sum);
    }
    mentions = n;
  }

  static boolean matches(JsonObject record, String brand, String platform) {
    return (brand == null || brand.equals(record.getString("brand")))
        && (platform == null || platform.equals(record.getString("platform")));
  }

  /** Reason codes counted over a previous period, for the change. */
  static Map<String, Long> reasonsBetween(List<JsonObject> stored, LocalDate from, LocalDate to) {
    return new ExpectedFigures(stored, from, to, null, null).reasons;
  }

  /** The exact nearest-rank percentile of durations in seconds (null when none). */
  static Double percentile(List<Double> seconds, double p) {
    if (seconds.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static double seconds(String from, String to) {
    return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1000.0;
  }

  static JsonArray hoursJson(long[][] hours) {
    JsonArray rows = new JsonArray();
    for (long[] day : hours) {
      JsonArray row = new JsonArray();
      for (long v : day) {
        row.add(v);
      }
      rows.add(row);
    }
    return rows;
  }
}
