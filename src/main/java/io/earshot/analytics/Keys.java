package io.earshot.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/**
 * Names inside a rollup document. Free values (reason codes, usernames, reply ids) become field
 * names there, and MongoDB refuses a field name with a dot or a leading {@code $}: they are
 * percent-encoded, reversibly. Days and hours are UTC. Pure.
 */
public final class Keys {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
  /** The length of a month's name ({@code 2026-11}), which is how a month document's period is told from a day's. */
  static final int MONTH_LENGTH = 7;

  /**
   * The brand or platform of a document summed over all of them ({@code 2026-11|acme|*},
   * {@code 2026-11|*|*}): brand ids are lower-case letters, digits and dashes, platform codes
   * are fixed, so neither is ever {@code *}.
   */
  public static final String ALL = "*";

  /**
   * The platform code broadcasts count under ({@link RollupBatch#broadcast}): one broadcast spans
   * accounts of several platforms; no real platform is called so.
   */
  public static final String BROADCASTS = "broadcast";

  private Keys() {
  }

  /** {@code 2026-11-30} of an instant, in UTC. */
  public static String day(Instant at) {
    return DAY.format(at);
  }

  /** The length of a week's name ({@code 2026-W49}, ISO weeks from Monday). */
  static final int WEEK_LENGTH = 8;

  /** {@code 2026-W49} of a day: its ISO week (which may belong to the next or the last year). */
  public static String week(LocalDate day) {
    // Not String.format: the listener names a week for every fact it counts.
    int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
  }

  /** The Monday a week's name stands for. */
  static LocalDate weekStart(String week) {
    return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
  }

  /** {@code 2026-11} of a day {@code 2026-11-30}. */
  public static String month(String day) {
    return day.substring(0, MONTH_LENGTH);
  }

  /** The hour of day (0..23, UTC) as a two-digit field name. */
  static String hour(Instant at) {
    int hour = (int) Math.floorMod(at.getEpochSecond() / 3600, 24L);
    return hour < 10 ? "0" + hour : Integer.toString(hour);
  }

  /** The rollup document of one brand and platform on one day ({@code 2026-11-30}), in one week ({@code 2026-W49}) or one month ({@code 2026-11}). */
  public static String docId(String day, String brand, String platform) {
    return day + "|" + brand + "|" + platform;
  }

  /** A value made safe as a field name: {@code %}, {@code .} and {@code $} percent-encoded. */
  public static String safe(String value) {
    return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  /** The value a {@link #safe} field name stands for. */
  public static String unsafe(String field) {
    return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
  }
}
