package io.earshot.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What some events add to one rollup document (one brand × platform × UTC day, or × ISO week
 * or UTC month, see {@link RollupTarget}): counters to
 * increment, strings to keep the least of (examples, so the same events give the same example in
 * any order), and values to set (engagement counts, which platforms report as totals). It also
 * remembers the ids of the events it holds: the listener writes them as one key, which is what
 * makes a replay a no-op. Pure; not thread-safe.
 */
public final class RollupDelta {
  private final String id;
  private final String day;
  private final String kind;
  private final String brand;
  private final String platform;
  private final Map<String, Number> increments = new LinkedHashMap<>();
  private final Map<String, String> least = new LinkedHashMap<>();
  private final Map<String, Object> sets = new LinkedHashMap<>();
  private final TreeSet<String> eventIds = new TreeSet<>();

  /** @param day a UTC day ({@code 2026-11-30}), an ISO week ({@code 2026-W49}) or a UTC month ({@code 2026-11}) */
  RollupDelta(String day, String brand, String platform) {
    this.id = Keys.docId(day, brand, platform);
    this.day = day;
    this.kind = day.length() == Keys.MONTH_LENGTH ? "month" : day.length() == Keys.WEEK_LENGTH ? "week" : "day";
    this.brand = brand;
    this.platform = platform;
  }

  void add(String field, long amount) {
    increments.merge(field, amount, (a, b) -> a.longValue() + b.longValue());
  }

  void add(String field, double amount) {
    increments.merge(field, amount, (a, b) -> a.doubleValue() + b.doubleValue());
  }

  void keepLeast(String field, String value) {
    least.merge(field, value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  void set(String field, Object value) {
    sets.put(field, value);
  }

  /** Adds another delta of the same document (a later delivery's, written in the same flush). */
  public void merge(RollupDelta other) {
    other.increments.forEach((field, n) -> {
      if (n instanceof Double d) {
        add(field, d.doubleValue());
      } else {
        add(field, n.longValue());
      }
    });
    other.least.forEach(this::keepLeast);
    sets.putAll(other.sets);
    eventIds.addAll(other.eventIds);
  }

  /** A copy to merge others into, leaving this one as its delivery made it. */
  public RollupDelta copy() {
    RollupDelta c = new RollupDelta(day, brand, platform);
    c.merge(this);
    return c;
  }

  void from(String eventId) {
    if (eventId != null) {
      eventIds.add(eventId);
    }
  }

  public String id() {
    return id;
  }

  /** The day, or the week or month of a week's or month's document. */
  public String day() {
    return day;
  }

  /** The document's period field: {@code day}, {@code week} or {@code month}. */
  public String kind() {
    return kind;
  }

  public String brand() {
    return brand;
  }

  public String platform() {
    return platform;
  }

  public Map<String, Number> increments() {
    return increments;
  }

  public Map<String, String> least() {
    return least;
  }

  public Map<String, Object> sets() {
    return sets;
  }

  /** The events this delta holds, in a stable order (what the replay key is made from). */
  public TreeSet<String> eventIds() {
    return eventIds;
  }
}
