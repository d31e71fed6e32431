package io.earshot.store;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rollup document keeps the replay keys of the deliveries it took: under the UTC day they
 * were written, {@code k.<yyyyMMdd>.<key>}, so that old ones can be dropped without reading them.
 * A delivery is told again only when a hub stopped between writing it and acknowledging it, and
 * the relay tells it when the hub is back: keys are looked for in the last {@link #HORIZON_DAYS}
 * days' buckets, and a write drops the buckets older than that. Without this a busy month's
 * document would keep a key for every mention of the month (a real MongoDB refuses documents over
 * 16 MB). A delivery told again more than that long after it was written would count twice.
 * Dropping is housekeeping, so it is done by a document's first write of each day only (the
 * documents done today are remembered, in memory): unsetting 30 buckets in every upsert took
 * about a fifth of a flush's write time on the embedded server. Thread-safe.
 */
final class ReplayKeys {
  /** How many days' buckets, today's included, a delivery told again is looked for in. */
  static final int HORIZON_DAYS = 3;
  /** How many older days a write drops: a document written again after longer keeps older buckets. */
  private static final int DROPPED_DAYS = 30;
  private static final DateTimeFormatter BUCKET = DateTimeFormatter.BASIC_ISO_DATE;
  private final Clock clock;
  private final Set<String> prunedToday = new HashSet<>();
  private LocalDate prunedOn;

  ReplayKeys(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether a write of document {@code id} should drop its stale buckets: true once a day per
   * document (and again after a restart). A write that then fails leaves them to the next day's.
   */
  synchronized boolean pruneDue(String id) {
    LocalDate today = today();
    if (!today.equals(prunedOn)) {
      prunedToday.clear();
      prunedOn = today;
    }
    return prunedToday.add(id);
  }

  /** The field a key written now is kept in. */
  String fieldNow(String key) {
    return "k." + bucket(today()) + "." + key;
  }

  /** The fields a key may be kept in, if it was written within the horizon. */
  List<String> recentFields(String key) {
    List<String> fields = new ArrayList<>(HORIZON_DAYS);
    LocalDate today = today();
    for (int back = 0; back < HORIZON_DAYS; back++) {
      fields.add("k." + bucket(today.minusDays(back)) + "." + key);
    }
    return fields;
  }

  /** The buckets a write drops: the days just past the horizon. */
  List<String> staleBuckets() {
    List<String> fields = new ArrayList<>(DROPPED_DAYS);
    LocalDate today = today();
    for (int back = HORIZON_DAYS; back < HORIZON_DAYS + DROPPED_DAYS; back++) {
      fields.add("k." + bucket(today.minusDays(back)));
    }
    return fields;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String bucket(LocalDate day) {
    return day.format(BUCKET);
  }
}
